package docs

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusLink is a link from js-api.md to a case of the JavaScript corpus.
var corpusLink = regexp.MustCompile(`\]\(\.\./testdata/js/([^)]+)\)`)

// TestSupportedJavaScriptIsShown pins that js-api.md's statement of supported JavaScript
// is exact: every feature it lists links a corpus case that exists (TestCorpus runs it),
// and every case of the corpus's language group is linked from it, the list of what is
// missing (language/missing.js) included.
func TestSupportedJavaScriptIsShown(t *testing.T) {
	b, err := os.ReadFile("js-api.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "\n## Supported JavaScript\n")
	if start < 0 {
		t.Fatal(`js-api.md has no "## Supported JavaScript" section`)
	}
	section := doc[start+1:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	linked := map[string]bool{}
	for _, m := range corpusLink.FindAllStringSubmatch(section, -1) {
		linked[m[1]] = true
		if _, err := os.Stat(filepath.Join("..", "testdata", "js", filepath.FromSlash(m[1]))); err != nil {
			t.Errorf("Supported JavaScript links the corpus case %s, which does not exist", m[1])
		}
	}
	if len(linked) < 20 {
		t.Errorf("Supported JavaScript links %d corpus cases; expected one for each feature", len(linked))
	}
	files, err := os.ReadDir(filepath.Join("..", "testdata", "js", "language"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if name := path.Join("language", f.Name()); strings.HasSuffix(name, ".js") && !linked[name] {
			t.Errorf("the corpus case %s is not linked from js-api.md's Supported JavaScript", name)
		}
	}
	if !linked["language/missing.js"] {
		t.Error("Supported JavaScript does not link language/missing.js, which checks the list of what is missing")
	}
}
