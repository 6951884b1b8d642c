package daktela

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/internal/phonetable"
)

// phone_regions.go is what the generator writes from the libphonenumber metadata in
// go.mod: regenerated in memory, it is the same byte for byte.
func TestPhoneRegionsCurrent(t *testing.T) {
	want, err := phonetable.Source()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("phone_regions.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("phone_regions.go is not what the generator writes from the libphonenumber metadata in go.mod; regenerate it with %s", phonetable.Command)
	}
}

// The dkscript binary does not link libphonenumber's Go port: its package init decodes
// all of its metadata, which every start of dkscript would pay for. Only the table
// generator and the tests use it.
func TestDkscriptDoesNotLinkPhonenumbers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/dkscript/dkscript/cmd/dkscript").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 || !containsString(deps, "github.com/dkscript/dkscript/daktela") {
		t.Fatalf("go list -deps gave no plausible dependency list:\n%s", out)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/nyaruka/phonenumbers") || strings.HasPrefix(d, "github.com/dkscript/dkscript/daktela/internal/phonetable") {
			t.Errorf("cmd/dkscript depends on %s", d)
		}
	}
}
