package reliability_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// hostileToken and hostilePassword are the credentials the hostile-server tests hunt
// for; the password has characters JSON and URLs escape.
const (
	hostileToken    = "TOKEN-hostile-3e9a7c1f5b2d"
	hostilePassword = `pw/"hostile"-8d2f`
)

// credentialForms are the spellings of the credentials a leak could take: as they are,
// URL-escaped and JSON-escaped (also PHP's "\/").
func credentialForms() []string {
	var out []string
	for _, s := range []string{hostileToken, hostilePassword} {
		j, _ := json.Marshal(s)
		js := string(j[1 : len(j)-1])
		out = append(out, s, url.QueryEscape(s), url.PathEscape(s), js, strings.ReplaceAll(js, "/", `\/`))
	}
	return out
}

// assertNoCredential fails when text holds a credential in any spelling.
func assertNoCredential(t *testing.T, what, text string) {
	t.Helper()
	for _, f := range credentialForms() {
		if i := strings.Index(text, f); i >= 0 {
			t.Errorf("%s shows a credential (%q) at %q", what, f, text[max(0, i-60):min(len(text), i+len(f)+20)])
		}
	}
}

// trap is a host no credential may reach: it counts what it gets and answers like
// the API would.
type trap struct {
	*httptest.Server
	hits atomic.Int32
}

func newTrap(t *testing.T) *trap {
	tr := &trap{}
	tr.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tr.hits.Add(1)
		io.WriteString(w, `{"error":[],"result":{"data":[],"total":0}}`)
	}))
	t.Cleanup(tr.Close)
	return tr
}

// redirectingFront serves the fake Daktela h behind a front that answers a seeded share
// of requests with a redirect: to the same origin (under /moved, which the front serves
// as the path below it) with any status, or to the trap with any status.
func redirectingFront(t *testing.T, h http.Handler, tr *trap, seed uint64) *httptest.Server {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, 19))
	statuses := []int{301, 302, 303, 307, 308}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, "/moved"); ok {
			r.URL.Path, r.URL.RawPath = rest, ""
			h.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		roll, status := rng.IntN(10), statuses[rng.IntN(len(statuses))]
		mu.Unlock()
		switch {
		case roll < 3: // same origin
			http.Redirect(w, r, "/moved"+r.URL.RequestURI(), status)
		case roll < 5: // another origin, echoing the query (the token, in query mode)
			http.Redirect(w, r, tr.URL+r.URL.RequestURI(), status)
		default:
			h.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// TestRedirectingServerMatrix sends creates and reads through a front that redirects
// a third of them to the same origin and a fifth to another host, over the seeds and
// both auth modes: nothing reaches the other host; each create either made its record
// once (no 301/302/303 turned it into a GET reported as a success, a 307/308 kept its
// body) or failed with ErrRedirect and made nothing; each read is exact or an
// ErrRedirect; no error shows a credential.
func TestRedirectingServerMatrix(t *testing.T) {
	tr := newTrap(t)
	seeds := max(*seedCount/3, 3)
	var created, refused, reads int
	for seed := 1; seed <= seeds; seed++ {
		h, err := daktelatest.NewHandler(daktelatest.Options{Token: hostileToken, Seed: int64(seed)})
		if err != nil {
			t.Fatal(err)
		}
		front := redirectingFront(t, h, tr, uint64(seed))
		auth := []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery}[seed%2]
		c := daktela.NewClient(front.URL, hostileToken)
		c.ApiCommunicator().SetAuthenticationMethod(auth)
		c.ApiCommunicator().SetRetryConfig(fastRetries())
		before := h.Count("contacts")
		ok := 0
		for i := range 20 {
			title := fmt.Sprintf("Hostile %d-%d", seed, i)
			resp, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildCreateRequest("Contacts").
				AddStringAttribute("lastname", title))
			n := countLastname(h, title)
			switch {
			case err == nil && resp.HTTPStatus() == 201 && n == 1:
				ok++
				created++
			case errors.Is(err, daktela.ErrRedirect) && n == 0:
				refused++
				assertNoCredential(t, "a refused create's error", err.Error())
			default:
				t.Errorf("seed %d create %d: %v, %d records made", seed, i, err, n)
			}
		}
		if got := h.Count("contacts") - before; got != ok {
			t.Errorf("seed %d: %d contacts made for %d successful creates", seed, got, ok)
		}
		want := h.Count("users")
		for range 10 {
			resp, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("Users").SetRequestType(daktela.TypeAll))
			switch {
			case err == nil && len(resp.Records()) == want:
				reads++
			case errors.Is(err, daktela.ErrRedirect):
				assertNoCredential(t, "a refused read's error", err.Error())
			default:
				t.Errorf("seed %d read: %v", seed, err)
			}
		}
	}
	if n := tr.hits.Load(); n != 0 {
		t.Errorf("the other host got %d requests", n)
	}
	if created == 0 || refused == 0 || reads == 0 {
		t.Errorf("the matrix did not cover every outcome: %d created, %d refused, %d reads", created, refused, reads)
	}
	t.Logf("%d seeds: %d creates made once, %d refused, %d exact reads; 0 requests to the other host", seeds, created, refused, reads)
}

// countLastname counts the contacts with that last name.
func countLastname(h *daktelatest.Handler, lastname string) int {
	n := 0
	for _, name := range h.Names("contacts") {
		if rec, ok := h.Record("contacts", name); ok && rec["lastname"] == lastname {
			n++
		}
	}
	return n
}

// echoingServer answers every request with status and an error that repeats the
// request's credentials: its token header, its URL (accessToken in query mode) and its
// body (a sign-in's password), as text and escaped as PHP does.
func echoingServer(t *testing.T, status int) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		echo := fmt.Sprintf("bad token %s for %s with %s", r.Header.Get("X-Auth-Token"), r.URL.RequestURI(), b)
		msg, _ := json.Marshal(echo)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error":{"primary":[%s],"form":{"title":[%s]}},"result":null}`, msg, strings.ReplaceAll(string(msg), "/", `\/`))
	}))
	t.Cleanup(s.Close)
	return s
}

// echoWalk makes every kind of request fail against an echoing server and turns each
// exception into every text a script can make of it; the last one is left uncaught.
const echoWalk = `
const util = require("util")
const c = daktela.client()
const show = (name, e) => {
	console.log(name, e.message)
	console.log(e.stack)
	console.log(util.inspect(e, { showHidden: true, depth: 8 }))
	console.log(JSON.stringify(e), JSON.stringify(e.getErrors()), e.getResponseBody())
	console.log(e, String(e))
}
const tries = [
	["read", () => c.execute(daktela.buildReadRequest("Users").addFilter("title", "eq", "x"))],
	["all", () => c.execute(daktela.buildReadRequest("Users").setRequestType(daktela.ReadRequest.TYPE_ALL))],
	["create", () => c.execute(daktela.buildCreateRequest("Contacts").addStringAttribute("title", "t"))],
	["update", () => c.execute(daktela.buildUpdateRequest("Contacts").setObjectName("x").addStringAttribute("title", "t"))],
	["delete", () => c.execute(daktela.buildDeleteRequest("Contacts").setObjectName("x"))],
	["iterate", () => { for (const r of c.iterate(daktela.buildReadRequest("Users"))) {} }],
	["login", () => daktela.login(LOGIN_URL, "admin", PASSWORD)],
]
for (const [name, fn] of tries) {
	try { fn(); console.log(name, "no exception") } catch (e) { show(name, e) }
}
try { await c.executeAsync(daktela.buildReadRequest("Users")) } catch (e) { show("async", e) }
try { await c.executeAll([daktela.buildReadRequest("Users"), daktela.buildCreateRequest("Contacts")]) } catch (e) { show("executeAll", e) }
console.log(JSON.stringify(c.healthCheck()), c.ping())
c.execute(daktela.buildReadRequest("Users"))
`

// echoScript is echoWalk for a server at loginURL, signing in with hostilePassword.
func echoScript(loginURL string) string {
	return fmt.Sprintf("const LOGIN_URL = %q, PASSWORD = %q\n", loginURL, hostilePassword) + echoWalk
}

// TestEchoingServerNeverLeaks runs echoWalk in a runtime, in both auth modes, against
// servers whose error answers echo the credentials: nothing the script prints (messages,
// stacks, util.inspect, JSON.stringify, the API's errors and body), the uncaught error's
// report, nor the request log shows the token or the password.
func TestEchoingServerNeverLeaks(t *testing.T) {
	for _, status := range []int{400, 401, 500} {
		srv := echoingServer(t, status)
		for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
			t.Run(fmt.Sprintf("%d/%s", status, auth), func(t *testing.T) {
				var logs strings.Builder
				var mu sync.Mutex
				c := daktela.NewClient(srv.URL, hostileToken)
				c.ApiCommunicator().SetAuthenticationMethod(auth)
				c.ApiCommunicator().SetRetryConfig(fastRetries())
				c.ApiCommunicator().SetLogger(newLockedLogger(&mu, &logs))
				out, errOut := runJS(t, runtime.Options{Client: c, Capabilities: runtime.Capabilities{NewClients: true}}, echoScript(srv.URL))
				all := out + errOut
				mu.Lock()
				all += logs.String()
				mu.Unlock()
				assertNoCredential(t, "the run's output", all)
				for _, want := range []string{"read ", "login ", "executeAll ", `"healthy":false`, "REDACTED"} {
					if !strings.Contains(all, want) {
						t.Errorf("the output lacks %q (the walk did not run):\n%s", want, all)
					}
				}
			})
		}
	}
}

// TestBinaryEchoingServerNeverLeaks runs echoWalk through the dkscript binary with
// --verbose (text and JSON logs) against an echoing server, in both auth modes: no
// credential in stdout, stderr or the uncaught error's report.
func TestBinaryEchoingServerNeverLeaks(t *testing.T) {
	bin := dkscriptBinary(t)
	srv := echoingServer(t, 400)
	dir := t.TempDir()
	script := filepath.Join(dir, "echo.js")
	if err := os.WriteFile(script, []byte(echoScript(srv.URL)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"run", "--verbose", script},
		{"run", "--verbose", "--log-format", "json", "--auth", "query", script},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "DAKTELA_URL="+srv.URL, "DAKTELA_TOKEN="+hostileToken, "HOME="+dir)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "echo.js:") || !strings.Contains(string(out), "login ") {
			t.Fatalf("%v: want the uncaught error's report after the walk; got %v:\n%s", args, err, out)
		}
		assertNoCredential(t, fmt.Sprint(args), string(out))
	}
}

// lockedWriter serialises writes to a builder shared with the test.
type lockedWriter struct {
	mu *sync.Mutex
	b  *strings.Builder
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// newLockedLogger returns a text logger writing to b under mu.
func newLockedLogger(mu *sync.Mutex, b *strings.Builder) *slog.Logger {
	return slog.New(slog.NewTextHandler(lockedWriter{mu, b}, nil))
}

// TestEverySendIsAnAttempt reads through a server that drops a share of connections
// (keep-alive ones included) before answering, with retries off and on: the server
// receives exactly as many requests as the request log shows attempts, so net/http sent
// nothing again on its own, and with retries off each read was sent once.
func TestEverySendIsAnAttempt(t *testing.T) {
	for _, retries := range []int{0, 3} {
		srv := daktelatest.NewServer(daktelatest.Options{Token: hostileToken, Faults: "reset:0.3", Seed: 7})
		var logs strings.Builder
		var mu sync.Mutex
		c := daktela.NewClient(srv.URL, hostileToken)
		rc := fastRetries()
		rc.MaxRetries = retries
		c.ApiCommunicator().SetRetryConfig(rc)
		c.ApiCommunicator().SetLogger(newLockedLogger(&mu, &logs))
		failed := 0
		const reads = 40
		for range reads {
			if _, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("Users").SetTake(5)); err != nil {
				failed++
			}
		}
		mu.Lock()
		attempts := strings.Count(logs.String(), "daktela request")
		mu.Unlock()
		received := int(srv.RequestCount())
		srv.Close()
		if received != attempts {
			t.Errorf("retries %d: the server received %d requests, the log shows %d attempts", retries, received, attempts)
		}
		if retries == 0 && received != reads {
			t.Errorf("retries off: %d reads sent %d requests", reads, received)
		}
		if failed == 0 && retries == 0 {
			t.Errorf("retries off: no read failed (the faults did not happen)")
		}
		t.Logf("retries %d: %d reads, %d failed, %d requests received, %d attempts logged", retries, reads, failed, received, attempts)
	}
}
