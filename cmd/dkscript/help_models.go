package main

import (
	"io"
	"strings"

	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/dkscript/dkscript/daktela/catalog"
)

// modelsHelpIntro heads "dkscript help api models".
const modelsHelpIntro = `Models (the first argument of buildReadRequest and the other builders; the endpoint is
the name with a lower-case first letter). "dkscript help api models.NAME" lists one
model's fields, key and relations (also "dkscript help api NAME"):
`

// printModelHelp answers "help api models" and "help api models.NAME" (NAME also
// bare, when it is no JavaScript name, or the name of its records' interface) from the
// model catalogue; ok is false when name means no model.
func printModelHelp(w io.Writer, name string) (ok bool, err error) {
	if name == "models" {
		_, err = io.WriteString(w, modelsHelpIntro+catalog.Summary())
		return true, err
	}
	text, found := jstypes.DescribeModel(name)
	if !found {
		return false, nil
	}
	_, err = io.WriteString(w, text)
	return true, err
}

// wrapWords joins words with spaces into lines of at most width characters (the first
// line counts the indent too), the later lines starting with indent.
func wrapWords(words []string, width int, indent string) string {
	var b strings.Builder
	line := len(indent)
	for i, w := range words {
		if i > 0 {
			if line+1+len(w) > width {
				b.WriteString("\n" + indent)
				line = len(indent)
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
