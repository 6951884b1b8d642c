package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
)

// concurrencyDefault finds the number a line gives as a concurrency default: "(default 8)",
// "default: the communicator's, 8" or "8 at a time".
var concurrencyDefault = regexp.MustCompile(`default:? (?:the communicator's, )?(\d+)|(\d+) (?:pages |requests )?at a time`)

// TestConcurrencyDefaultDocumented pins that every line of the docs that speaks of the
// page concurrency (--concurrency, setConcurrency) and gives its default gives the one
// the code uses, daktela.DefaultConcurrency. Lines about executeAll, whose own default
// differs, are left to the generated reference.
func TestConcurrencyDefaultDocumented(t *testing.T) {
	files, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("..", "README.md"))
	checked := 0
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if !strings.Contains(line, "--concurrency") && !strings.Contains(line, "setConcurrency") {
				continue
			}
			if strings.Contains(line, "executeAll") {
				continue
			}
			for _, m := range concurrencyDefault.FindAllStringSubmatch(line, -1) {
				n, _ := strconv.Atoi(m[1] + m[2])
				checked++
				if n != daktela.DefaultConcurrency {
					t.Errorf("%s:%d gives the page concurrency default as %d; the code uses %d:\n%s", filepath.Base(path), i+1, n, daktela.DefaultConcurrency, line)
				}
			}
		}
	}
	if checked < 3 {
		t.Fatalf("found %d concurrency defaults in the docs; expected cli.md, migrating-from-php.md and js-api.md to give one each", checked)
	}
}
