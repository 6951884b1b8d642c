package runtime_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/runtime"
)

// TestStoppedRunNamesWritesInFlight stops a run while a create it sent has no answer
// yet (the server has it and holds its answer): the InterruptError names the create as
// possibly applied, as a create whose connection broke is reported; a read in flight is
// not named.
func TestStoppedRunNamesWritesInFlight(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"execute", `daktela.client().execute(daktela.buildCreateRequest("Contacts").addStringAttribute("title", "X"))`, "POST contacts.json"},
		{"executeAsync", `daktela.client().executeAsync(daktela.buildUpdateRequest("Contacts").setObjectName("c1").addStringAttribute("title", "X"))`, "PUT contacts/c1.json"},
		{"read", `daktela.client().execute(daktela.buildReadRequest("Contacts"))`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			release := make(chan struct{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				cancel() // the request is here: stop the run before it is answered
				<-release
			}))
			defer srv.Close()
			defer close(release)
			rt, _, _ := newRT(t, runtime.Options{Client: daktela.NewClient(srv.URL, "tok")})
			err := rt.RunString(ctx, "w.js", c.src+"\n")
			var ie *runtime.InterruptError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v, want an InterruptError", err, err)
			}
			got := strings.Join(ie.InFlight, ", ")
			if got != c.want {
				t.Errorf("InFlight %q, want %q", got, c.want)
			}
			if c.want != "" && !strings.Contains(err.Error(), "may have been applied (check before sending again): "+c.want) {
				t.Errorf("message %q", err)
			}
		})
	}
}
