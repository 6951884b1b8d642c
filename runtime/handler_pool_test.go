package runtime_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// newPool starts a pool over the script src (named name in a ModuleFS).
func newPool(t *testing.T, name, src string, opts runtime.HandlerPoolOptions) *runtime.HandlerPool {
	t.Helper()
	opts.Script = name
	if opts.Runtime.ModuleFS == nil {
		opts.Runtime.ModuleFS = fstest.MapFS{name: {Data: []byte(src)}}
	}
	p, err := runtime.NewHandlerPool(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func callJSON(t *testing.T, p *runtime.HandlerPool, req *runtime.HookRequest) map[string]any {
	t.Helper()
	res, err := p.Call(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(res.Body, &out); err != nil {
		t.Fatalf("body %q: %v", res.Body, err)
	}
	return out
}

// Handlers are the script's exports in each module form; they get the parsed payload
// and {event, path, headers}, and the object they return (after awaiting) is the body.
func TestHandlerPoolModuleForms(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	forms := map[string]string{
		"cjs.js": `module.exports = {
			call_close: async (payload, request) => {
				const res = await daktela.client().executeAsync(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"))
				return { got: payload.name, event: request.event, path: request.path, custom: request.headers["x-custom"], users: res.total }
			},
		}`,
		"esm.mjs": `export async function call_close(payload, request) {
				const res = await daktela.client().executeAsync(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"))
				return { got: payload.name, event: request.event, path: request.path, custom: request.headers["x-custom"], users: res.total }
			}
			export const helper = 1`,
		"default.js": `export default {
			async call_close(payload, request) {
				const res = await daktela.client().executeAsync(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"))
				return { got: payload.name, event: request.event, path: request.path, custom: request.headers["x-custom"], users: res.total }
			},
		}`,
		"typed.ts": `export async function call_close(payload: { name: string }, request: { event: string, path: string, headers: Record<string, string> }) {
				const res = await daktela.client().executeAsync(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"))
				return { got: payload.name, event: request.event, path: request.path, custom: request.headers["x-custom"], users: res.total }
			}`,
	}
	for name, src := range forms {
		t.Run(name, func(t *testing.T) {
			p := newPool(t, name, src, runtime.HandlerPoolOptions{Size: 2, Runtime: runtime.Options{Client: srv.Client()}})
			if got := strings.Join(p.Events(), ","); got != "call_close" {
				t.Fatalf("events %q, want call_close", got)
			}
			out := callJSON(t, p, &runtime.HookRequest{
				Event:   "call_close",
				Path:    "/hooks/call_close",
				Headers: http.Header{"X-Custom": {"a", "b"}},
				Payload: []byte(`{"name":"activity_1"}`),
			})
			want := map[string]any{"got": "activity_1", "event": "call_close", "path": "/hooks/call_close", "custom": "a, b", "users": float64(1)}
			for k, v := range want {
				if out[k] != v {
					t.Errorf("%s = %v, want %v (all: %v)", k, out[k], v, out)
				}
			}
		})
	}
}

// A handler that returns nothing gives no body; one that throws or rejects gives a
// *HandlerError naming the script's line; an unknown event ErrNoHandler.
func TestHandlerPoolErrors(t *testing.T) {
	src := `module.exports = {
	quiet: () => {},
	sync_throw: () => { throw new Error("sync boom") },
	async_throw: async (p) => { await null; throw new TypeError("async boom " + p.n) },
	exits: () => { process.exit(3) },
}
`
	p := newPool(t, "hooks.js", src, runtime.HandlerPoolOptions{Size: 1})
	res, err := p.Call(context.Background(), &runtime.HookRequest{Event: "quiet"})
	if err != nil || res.Body != nil {
		t.Fatalf("quiet: %v %q", err, res.Body)
	}
	cases := []struct{ event, want string }{
		{"sync_throw", "Uncaught Error: sync boom (hooks.js:3:28)"},
		{"async_throw", "Uncaught TypeError: async boom 7 (hooks.js:4:48)"},
		{"exits", "process.exit(3)"},
	}
	for _, c := range cases {
		_, err := p.Call(context.Background(), &runtime.HookRequest{Event: c.event, Payload: []byte(`{"n":7}`)})
		var he *runtime.HandlerError
		if !errors.As(err, &he) {
			t.Fatalf("%s: error %v, want a *HandlerError", c.event, err)
		}
		if !strings.Contains(he.Summary(), c.want) {
			t.Errorf("%s: summary %q, want %q in it", c.event, he.Summary(), c.want)
		}
	}
	// The runtime still serves after the failures.
	if _, err := p.Call(context.Background(), &runtime.HookRequest{Event: "quiet"}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Call(context.Background(), &runtime.HookRequest{Event: "nope"}); !errors.Is(err, runtime.ErrNoHandler) {
		t.Errorf("unknown event: %v, want ErrNoHandler", err)
	}
}

// A script with no function exports, or one that fails to load, is refused with a
// message naming it.
func TestHandlerPoolLoadErrors(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"none.js":   {`module.exports = { x: 1 }`, "none.js exports no handlers"},
		"syntax.js": {"module.exports = {\n  a: () => {\n", "syntax.js"},
		"throws.js": {`throw new Error("at load")`, "at load"},
	} {
		_, err := runtime.NewHandlerPool(runtime.HandlerPoolOptions{
			Script:  name,
			Runtime: runtime.Options{ModuleFS: fstest.MapFS{name: {Data: []byte(c.src)}}},
		})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q in it", name, err, c.want)
		}
	}
}

// blockingServer answers every request only once release is closed, and says on
// arrived when a request came in.
func blockingServer(t *testing.T) (url string, arrived chan struct{}, release chan struct{}) {
	arrived = make(chan struct{}, 100)
	release = make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"error":[],"result":{"data":[],"total":0},"_time":"2026-01-15 12:00:00"}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL, arrived, release
}

const waitingHooks = `module.exports = {
	wait: async () => { await daktela.client().executeAsync(daktela.buildReadRequest("Users")); return { done: true } },
}`

// With every runtime busy and the queue full, a call is refused at once with
// ErrPoolBusy; a queued call runs once a runtime is free.
func TestHandlerPoolQueue(t *testing.T) {
	url, arrived, release := blockingServer(t)
	client := daktela.NewClient(url, "token")
	p := newPool(t, "hooks.js", waitingHooks, runtime.HandlerPoolOptions{Size: 1, Queue: 1, Runtime: runtime.Options{Client: client}})
	errs := make(chan error, 2)
	go func() {
		_, err := p.Call(context.Background(), &runtime.HookRequest{Event: "wait"})
		errs <- err
	}()
	<-arrived // the first call runs
	go func() {
		_, err := p.Call(context.Background(), &runtime.HookRequest{Event: "wait"})
		errs <- err
	}()
	for p.Waiting() != 1 {
		time.Sleep(time.Millisecond) // the second call queues
	}
	if _, err := p.Call(context.Background(), &runtime.HookRequest{Event: "wait"}); !errors.Is(err, runtime.ErrPoolBusy) {
		t.Fatalf("third call: %v, want ErrPoolBusy", err)
	}
	close(release)
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
}

// A handler that runs past the timeout ends with a *HandlerError for the timeout.
func TestHandlerPoolTimeout(t *testing.T) {
	url, _, _ := blockingServer(t)
	client := daktela.NewClient(url, "token")
	p := newPool(t, "hooks.js", waitingHooks, runtime.HandlerPoolOptions{Size: 1, Timeout: 50 * time.Millisecond, Runtime: runtime.Options{Client: client}})
	_, err := p.Call(context.Background(), &runtime.HookRequest{Event: "wait"})
	var ie *runtime.InterruptError
	if !errors.As(err, &ie) || ie.Code != runtime.ExitTimeout {
		t.Fatalf("error %v, want a timeout", err)
	}
}

// Shutdown waits for the calls under way and the queued ones, and refuses new ones;
// cut short by its context, it stops the running handlers.
func TestHandlerPoolShutdown(t *testing.T) {
	url, arrived, release := blockingServer(t)
	client := daktela.NewClient(url, "token")
	p := newPool(t, "hooks.js", waitingHooks, runtime.HandlerPoolOptions{Size: 1, Queue: 4, Runtime: runtime.Options{Client: client}})
	var wg sync.WaitGroup
	results := make(chan error, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := p.Call(context.Background(), &runtime.HookRequest{Event: "wait"})
			results <- err
		}()
	}
	<-arrived
	for p.Waiting() != 2 {
		time.Sleep(time.Millisecond)
	}
	shut := make(chan error, 1)
	go func() { shut <- p.Shutdown(context.Background()) }()
	gone, cancelGone := context.WithCancel(context.Background())
	cancelGone() // a sender that hung up: a call that is not refused gives up at once
	for {
		_, err := p.Call(gone, &runtime.HookRequest{Event: "wait"})
		if errors.Is(err, runtime.ErrPoolClosed) {
			break
		}
		time.Sleep(time.Millisecond) // Shutdown has not started yet
	}
	close(release)
	if err := <-shut; err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	close(results)
	for err := range results {
		if err != nil {
			t.Errorf("a call accepted before the shutdown failed: %v", err)
		}
	}

	// Cut short: the running handler is stopped.
	url2, arrived2, _ := blockingServer(t)
	p2 := newPool(t, "hooks.js", waitingHooks, runtime.HandlerPoolOptions{Size: 1, Runtime: runtime.Options{Client: daktela.NewClient(url2, "token")}})
	got := make(chan error, 1)
	go func() {
		_, err := p2.Call(context.Background(), &runtime.HookRequest{Event: "wait"})
		got <- err
	}()
	<-arrived2
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p2.Shutdown(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Shutdown: %v, want context.Canceled", err)
	}
	var he *runtime.HandlerError
	if err := <-got; !errors.As(err, &he) {
		t.Errorf("the stopped call: %v, want a *HandlerError", err)
	}
}

// stuckModule is a module whose function blocks, as a built-in no interrupt reaches
// does, until release is closed.
type stuckModule struct {
	entered chan struct{}
	release chan struct{}
}

func (m *stuckModule) Name() string { return "stuck" }

func (m *stuckModule) Instantiate(h bindings.Host) (goja.Value, error) {
	return h.VM().ToValue(func(goja.FunctionCall) goja.Value {
		m.entered <- struct{}{}
		<-m.release
		return goja.Undefined()
	}), nil
}

// A handler stuck inside a built-in past its timeout is abandoned with its runtime; the
// pool makes a new runtime, so the next call runs.
func TestHandlerPoolReplacesAbandonedRuntime(t *testing.T) {
	stuck := &stuckModule{entered: make(chan struct{}, 1), release: make(chan struct{})}
	defer close(stuck.release)
	src := `module.exports = {
	stuck: () => { require("stuck")() },
	ok: () => ({ ok: true }),
}`
	p := newPool(t, "hooks.js", src, runtime.HandlerPoolOptions{
		Size:    1,
		Timeout: 50 * time.Millisecond,
		Runtime: runtime.Options{Modules: []bindings.Module{stuck}, StopGrace: 50 * time.Millisecond},
	})
	_, err := p.Call(context.Background(), &runtime.HookRequest{Event: "stuck"})
	var he *runtime.HandlerError
	if !errors.As(err, &he) || !errors.Is(err, runtime.ErrAbandoned) {
		t.Fatalf("stuck handler: %v, want a *HandlerError wrapping ErrAbandoned", err)
	}
	<-stuck.entered
	out := callJSON(t, p, &runtime.HookRequest{Event: "ok"})
	if out["ok"] != true {
		t.Errorf("the call after an abandoned one: %v", out)
	}
}
