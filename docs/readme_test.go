package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// readmeBlock returns the README block whose info string is info, or whose code starts
// with prefix when info is "".
func readmeBlock(t *testing.T, info, prefix string) (block, int) {
	t.Helper()
	for i, b := range blocks(t, filepath.Join("..", "README.md")) {
		if (info != "" && b.info == info) || (info == "" && strings.HasPrefix(b.code, prefix)) {
			return b, i
		}
	}
	t.Fatalf("README.md has no block %q %q", info, prefix)
	return block{}, 0
}

// TestReadmeTourReadsOnce runs the tour's first example and pins that it does what its
// comment says, open tickets per category, reading the tickets once.
func TestReadmeTourReadsOnce(t *testing.T) {
	b, _ := readmeBlock(t, "", "// open-tickets.js")
	if !strings.Contains(b.code, "per category") || !strings.Contains(b.code, "byCategory") {
		t.Errorf("the tour's example must say what it groups by and group by it:\n%s", b.code)
	}
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	out, err := runScriptOn(t, srv, "README.md", strings.Repeat("\n", b.line)+b.code)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "category") || !strings.Contains(out, "Technical support") {
		t.Errorf("the table shows no categories:\n%s", out)
	}
	reads := 0
	for _, r := range srv.Requests() {
		if strings.HasPrefix(r.Path, "tickets") {
			reads++
		}
	}
	if reads != 1 {
		t.Errorf("the tour's example read the tickets with %d requests; one page of open tickets needs one", reads)
	}
}

// TestReadmeInstall runs the README's install block from the checkout, as a reader
// would, with the binary installed into a temporary GOBIN, and pins that it comes before
// the first shell block that uses dkscript.
func TestReadmeInstall(t *testing.T) {
	b, idx := readmeBlock(t, "sh install", "")
	for i, other := range blocks(t, filepath.Join("..", "README.md")) {
		if i < idx && strings.HasPrefix(other.info, "sh") && strings.Contains("\n"+other.code, "\ndkscript ") {
			t.Errorf("README.md:%d uses dkscript before the install block at line %d", other.line, b.line)
		}
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	gobin := t.TempDir()
	for _, line := range strings.Split(strings.TrimSpace(b.code), "\n") {
		args := strings.Fields(line)
		name := args[0]
		if name == "dkscript" {
			// The binary this block installed, not one found elsewhere on PATH.
			name = filepath.Join(gobin, "dkscript")
		}
		cmd := exec.Command(name, args[1:]...)
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "GOBIN="+gobin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("README install step %q: %v\n%s", line, err, out)
		}
		if args[0] == "dkscript" && len(strings.TrimSpace(string(out))) == 0 {
			t.Errorf("%q printed nothing", line)
		}
	}
	if _, err := os.Stat(filepath.Join(gobin, "dkscript")); err != nil {
		t.Errorf("the install block put no dkscript in GOBIN: %v", err)
	}
}
