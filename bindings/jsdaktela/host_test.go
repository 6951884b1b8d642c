package jsdaktela

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings/bindingstest"
	"github.com/dkscript/dkscript/daktela"
)

// newTestHost returns a host for the module alone (no runtime), with the daktela global
// and print(...) writing lines to h.Output.
func newTestHost(t testing.TB, cfg Config) *bindingstest.Host {
	t.Helper()
	return bindingstest.New(t, New(cfg))
}

// fakeAPI is a small Daktela stand-in on 127.0.0.1 for the module's unit tests: canned
// users, a paged model "campaignsRecords" with total records, a 404, a 429, creates
// echoed back.
type fakeAPI struct {
	*httptest.Server
	total int
}

const testToken = "secret-token-for-tests"

func newFakeAPI(t testing.TB, total int) *fakeAPI {
	f := &fakeAPI{total: total}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Header.Get("X-AUTH-TOKEN") != testToken && r.URL.Query().Get("accessToken") != testToken {
		writeJSON(w, 401, `{"error":["Unauthorized"],"result":null}`)
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/api/v6/")
	switch {
	case path == "whoim.json":
		writeJSON(w, 200, `{"error":[],"result":{"user":{"name":"admin"}}}`)
	case path == "users.json":
		writeJSON(w, 200, `{"error":[],"result":{"data":[`+
			`{"name":"admin","title":"Administrator","email":"admin@example.com","queue":{"name":"q1"}},`+
			`{"name":"supervisor","title":"Supervisor","email":"sup@example.com","queue":{"name":"q2"}}],"total":2}}`)
	case path == "users/admin.json":
		writeJSON(w, 200, `{"error":[],"result":{"name":"admin","title":"Administrator"}}`)
	case strings.HasPrefix(path, "users/"):
		writeJSON(w, 404, `{"error":["Record not found"],"result":null}`)
	case path == "limited.json":
		w.Header().Set("Retry-After", "7")
		writeJSON(w, 429, `{"error":["Too many requests"],"result":null}`)
	case path == "broken.json":
		writeJSON(w, 400, `{"error":{"form":{"number":["Number is required"]}},"result":null}`)
	case path == "campaignsRecords.json" && r.Method == "GET":
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		take, _ := strconv.Atoi(r.URL.Query().Get("take"))
		var b strings.Builder
		b.WriteString(`{"error":[],"result":{"data":[`)
		for i := skip; i < skip+take && i < f.total; i++ {
			if i > skip {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"name":"records_%d","number":"00420%09d","action":"%d","priority":%d,"queue":{"name":"q%d"}}`, i, i, i%3, i%5, i%4)
		}
		fmt.Fprintf(&b, `],"total":%d}}`, f.total)
		writeJSON(w, 200, b.String())
	case path == "campaignsRecords.json" && r.Method == "POST":
		writeJSON(w, 201, `{"error":[],"result":`+string(body)+`}`)
	case strings.HasPrefix(path, "campaignsRecords/") && r.Method == "PUT":
		writeJSON(w, 200, `{"error":[],"result":`+string(body)+`}`)
	case strings.HasPrefix(path, "campaignsRecords/") && r.Method == "DELETE":
		w.WriteHeader(204)
	default:
		writeJSON(w, 404, `{"error":["Unknown model"],"result":null}`)
	}
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	if !json.Valid([]byte(body)) {
		panic("fake API: invalid JSON: " + body)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// newTestClient returns a client for f with retries off (so tests see failures at once).
func newTestClient(f *fakeAPI) *daktela.Client {
	c := daktela.NewClient(f.URL, testToken)
	c.ApiCommunicator().SetRetryConfig(daktela.DisabledRetryConfig())
	rl := daktela.DefaultRateLimitConfig()
	rl.AutoRetry = false
	c.ApiCommunicator().SetRateLimitConfig(rl)
	return c
}
