package runtime_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// TestLockedClientKeepsItsLanguage: on a locked client a script may read the language
// the host sends (Accept-Language) and set it again, but not change or clear it.
func TestLockedClientKeepsItsLanguage(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	client := daktela.NewClient(srv.URL, srv.Token)
	client.ApiCommunicator().SetLanguage("en")
	client.ApiCommunicator().Lock()
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Client: client, Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := rt.RunString(context.Background(), "lang.js", `
const comm = daktela.client().getApiCommunicator();
for (const l of ["cs", null]) {
  try { comm.setLanguage(l); console.log("changed"); } catch (e) { console.log(e.name, e.message.includes("locked")); }
}
console.log(comm.setLanguage("en").getLanguage());
`); err != nil {
		t.Fatal(err)
	}
	if want := "TypeError true\nTypeError true\nen\n"; out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
	if got := client.ApiCommunicator().Language(); got != "en" {
		t.Errorf("the host's language changed to %q", got)
	}
}
