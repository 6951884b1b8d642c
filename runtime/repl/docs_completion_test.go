package repl

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tabExample is a `text<Tab>` example in docs/repl.md.
var tabExample = regexp.MustCompile("`([^`]*)<Tab>`")

// TestDocsCompletionExamples pins that docs/repl.md and the completer agree: every
// `...<Tab>` example the completion item promises completes to something, and the ones
// it says complete nothing ("Nothing completes ...") complete nothing.
func TestDocsCompletionExamples(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "repl.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The completion item: from its bullet to the next bullet.
	doc := string(b)
	start := strings.Index(doc, "- **Tab completion**")
	if start < 0 {
		t.Fatal("docs/repl.md has no Tab completion item")
	}
	item := doc[start:]
	if end := strings.Index(item[2:], "\n- "); end >= 0 {
		item = item[:end+2]
	}
	promised, refused, _ := strings.Cut(item, "Nothing completes")

	h := newTestHost(t, false)
	h.eval(t, "const client = daktela.client(); undefined")
	c := newCompleter(nil)
	complete := func(example string) []string {
		line := strings.ReplaceAll(example, "\n", " ")
		if strings.HasPrefix(line, "build") {
			line = "daktela." + line
		}
		_, got, _ := completeIn(t, h, c, line)
		return got
	}
	n := 0
	for _, m := range tabExample.FindAllStringSubmatch(promised, -1) {
		n++
		if got := complete(m[1]); len(got) == 0 {
			t.Errorf("docs/repl.md promises that %q<Tab> completes; the REPL completes nothing", m[1])
		}
	}
	for _, m := range tabExample.FindAllStringSubmatch(refused, -1) {
		if got := complete(m[1]); len(got) != 0 {
			t.Errorf("docs/repl.md says %q<Tab> completes nothing; the REPL offers %q", m[1], got)
		}
	}
	if n < 3 {
		t.Errorf("found %d completion examples in docs/repl.md; expected at least 3", n)
	}
}
