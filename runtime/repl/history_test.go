package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHistoryFile(t *testing.T) {
	const secret = "tok-s3cr3t-value"
	path := filepath.Join(t.TempDir(), "state", "dkscript", "repl_history")
	h, lines, err := openHistory(path, []string{secret, ""})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 0 {
		t.Errorf("new history has lines %q", lines)
	}
	for _, l := range []string{"1 + 1", " hidden()", "x = '" + secret + "'", "", "   ", "two\nlines", "daktela.client()"} {
		h.add(l)
	}
	must(t, h.close())

	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v, want 0700", di.Mode().Perm())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "1 + 1\ndaktela.client()\n" {
		t.Errorf("file holds %q", data)
	}

	// Reopened: the lines come back.
	h, lines, err = openHistory(path, []string{secret})
	if err != nil {
		t.Fatal(err)
	}
	must(t, h.close())
	if !slices.Equal(lines, []string{"1 + 1", "daktela.client()"}) {
		t.Errorf("reopened: %q", lines)
	}
}

func TestHistoryCleansOldFile(t *testing.T) {
	const secret = "tok-s3cr3t-value"
	path := filepath.Join(t.TempDir(), "repl_history")
	var b strings.Builder
	for i := range HistoryLimit + 50 {
		fmt.Fprintf(&b, "line%d\n", i)
		if i == HistoryLimit+10 {
			b.WriteString("leaked('" + secret + "')\n")
		}
	}
	must(t, os.WriteFile(path, []byte(b.String()), 0o644))

	h, lines, err := openHistory(path, []string{secret})
	if err != nil {
		t.Fatal(err)
	}
	must(t, h.close())
	if len(lines) != HistoryLimit || lines[0] != "line50" || lines[len(lines)-1] != fmt.Sprintf("line%d", HistoryLimit+49) {
		t.Errorf("%d lines, from %q to %q", len(lines), lines[0], lines[len(lines)-1])
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), secret) || strings.Count(string(data), "\n") != HistoryLimit {
		t.Errorf("file not cleaned: %d lines, secret %v", strings.Count(string(data), "\n"), strings.Contains(string(data), secret))
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestHistoryNarrowsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "repl_history")
	must(t, os.WriteFile(path, []byte("a\n"), 0o644))
	h, _, err := openHistory(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	must(t, h.close())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestDefaultHistoryPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	p, err := DefaultHistoryPath()
	if err != nil || p != filepath.Join(dir, "dkscript", "repl_history") {
		t.Errorf("got %q, %v", p, err)
	}
	t.Setenv("XDG_STATE_HOME", "relative/is/ignored")
	t.Setenv("HOME", dir)
	p, err = DefaultHistoryPath()
	if err != nil || !strings.HasPrefix(p, dir) || !strings.HasSuffix(p, filepath.Join("dkscript", "repl_history")) {
		t.Errorf("got %q, %v", p, err)
	}
}
