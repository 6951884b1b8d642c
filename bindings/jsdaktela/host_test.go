package jsdaktela

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// testHost is a minimal bindings.Host over a bare goja runtime, with an event loop that
// runs callbacks queued by RegisterCallback until none is pending. The real host is the
// runtime package; this one lets the module be tested on its own.
type testHost struct {
	vm      *goja.Runtime
	ctx     context.Context
	out     bytes.Buffer
	mu      sync.Mutex
	queue   []func() error
	pending int
	wake    chan struct{}
}

func newTestHost(t testing.TB, cfg Config) *testHost {
	t.Helper()
	h := &testHost{vm: goja.New(), ctx: context.Background(), wake: make(chan struct{}, 1)}
	exports, err := New(cfg).Instantiate(h)
	if err != nil {
		t.Fatalf("Instantiate: %v", err)
	}
	h.vm.Set("daktela", exports)
	h.vm.Set("print", func(call goja.FunctionCall) goja.Value {
		parts := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			parts[i] = a.String()
		}
		h.out.WriteString(strings.Join(parts, " ") + "\n")
		return goja.Undefined()
	})
	return h
}

func (h *testHost) VM() *goja.Runtime        { return h.vm }
func (h *testHost) Context() context.Context { return h.ctx }
func (h *testHost) Stdin() io.Reader         { return strings.NewReader("") }
func (h *testHost) Stdout() io.Writer        { return &h.out }
func (h *testHost) Stderr() io.Writer        { return io.Discard }

func (h *testHost) RegisterCallback() func(func() error) {
	h.mu.Lock()
	h.pending++
	h.mu.Unlock()
	var once sync.Once
	return func(f func() error) {
		once.Do(func() {
			h.mu.Lock()
			h.queue = append(h.queue, f)
			h.mu.Unlock()
			select {
			case h.wake <- struct{}{}:
			default:
			}
		})
	}
}

// run runs src as "test.js" and then the loop until no callback is pending (at most 10 s).
func (h *testHost) run(src string) error {
	if _, err := h.vm.RunScript("test.js", src); err != nil {
		return err
	}
	deadline := time.After(10 * time.Second)
	for {
		h.mu.Lock()
		q := h.queue
		h.queue = nil
		h.pending -= len(q)
		left := h.pending
		h.mu.Unlock()
		for _, f := range q {
			if err := f(); err != nil {
				return err
			}
		}
		if len(q) > 0 {
			continue
		}
		if left == 0 {
			return nil
		}
		select {
		case <-h.wake:
		case <-deadline:
			return fmt.Errorf("loop: %d callbacks still pending after 10s", left)
		}
	}
}

var _ bindings.Host = (*testHost)(nil)

// fakeAPI is a small Daktela stand-in on 127.0.0.1 for the module's unit tests: canned
// users, a paged model "campaignsRecords" with total records, a 404, a 429, creates
// echoed back. It logs every request line.
type fakeAPI struct {
	*httptest.Server
	total int
	mu    sync.Mutex
	log   []string
}

const testToken = "secret-token-for-tests"

func newFakeAPI(t testing.TB, total int) *fakeAPI {
	f := &fakeAPI{total: total}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.log...)
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	line := r.Method + " " + r.URL.Path
	if r.URL.RawQuery != "" {
		line += "?" + r.URL.RawQuery
	}
	if len(body) > 0 {
		line += " " + string(body)
	}
	f.mu.Lock()
	f.log = append(f.log, line)
	f.mu.Unlock()
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
