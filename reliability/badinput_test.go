package reliability_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBadInputCorpusIsClear holds the bad-input corpus (testdata/js/badinput, whose
// outputs TestCorpus in package runtime checks against the real runtime) to its promise:
// at least 40 cases, each failing with a non-zero exit code, a message that names a
// script position (file:line) and no Go stack or panic.
func TestBadInputCorpusIsClear(t *testing.T) {
	dir := "../testdata/js/badinput"
	scripts, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	position := regexp.MustCompile(`(?m)^badinput/[\w/]+\.js:\d+`)
	for _, s := range scripts {
		if strings.HasPrefix(filepath.Base(s), "_") {
			continue
		}
		n++
		base := strings.TrimSuffix(s, ".js")
		name := filepath.Base(base)
		exit, _ := os.ReadFile(base + ".exit")
		stderr, _ := os.ReadFile(base + ".stderr")
		if code := strings.TrimSpace(string(exit)); code == "" || code == "0" {
			t.Errorf("%s: exit code %q, want a failure", name, code)
		}
		msg := string(stderr)
		if !position.MatchString(msg) {
			t.Errorf("%s: the message names no script position:\n%s", name, msg)
		}
		for _, leak := range []string{"goroutine ", "panic", ".go:", "github.com/"} {
			if strings.Contains(msg, leak) {
				t.Errorf("%s: %q in the message:\n%s", name, leak, msg)
			}
		}
	}
	if n < 40 {
		t.Errorf("%d bad-input cases, want at least 40", n)
	}
	t.Logf("%d bad-input cases", n)
}
