package runtime_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// TestLockedClientKeepsItsTimezone: on a locked client a script may read the zone the
// host sends (x-timezone-client) and set it again, but not change or clear it.
func TestLockedClientKeepsItsTimezone(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	client := daktela.NewClient(srv.URL, srv.Token)
	utc, _ := time.LoadLocation("UTC")
	client.ApiCommunicator().SetTimezone(utc)
	client.ApiCommunicator().Lock()
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Client: client, Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := rt.RunString(context.Background(), "tz.js", `
const comm = daktela.client().getApiCommunicator();
for (const z of ["Asia/Tokyo", null]) {
  try { comm.setTimezone(z); console.log("changed"); } catch (e) { console.log(e.name, e.message.includes("locked")); }
}
console.log(comm.setTimezone("UTC").getTimezone());
`); err != nil {
		t.Fatal(err)
	}
	if want := "TypeError true\nTypeError true\nUTC\n"; out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
	if client.ApiCommunicator().Timezone() != utc {
		t.Errorf("the host's zone changed to %v", client.ApiCommunicator().Timezone())
	}
}
