package repl

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// syncBuffer is an output buffer safe to read while the REPL writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testHost is a real runtime talking to a fake Daktela over loopback.
type testHost struct {
	srv    *daktelatest.Server
	client *daktela.Client
	rt     *runtime.Runtime
	stdout *syncBuffer
	stderr *syncBuffer
}

func newTestHost(t testing.TB, color bool) *testHost {
	return newTestHostWith(t, color, daktelatest.Options{})
}

func newTestHostWith(t testing.TB, color bool, opts daktelatest.Options) *testHost {
	t.Helper()
	srv := daktelatest.NewServer(opts)
	t.Cleanup(srv.Close)
	h := &testHost{srv: srv, client: srv.Client(), stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	rt, err := runtime.New(runtime.Options{
		Client:       h.client,
		Stdout:       h.stdout,
		Stderr:       h.stderr,
		Color:        color,
		Capabilities: runtime.Capabilities{FileAccess: true, NewClients: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	h.rt = rt
	return h
}

// eval evaluates src and fails the test on an error.
func (h *testHost) eval(t testing.TB, src string) goja.Value {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := h.rt.Eval(ctx, src)
	if err != nil {
		t.Fatalf("eval %q: %v", src, err)
	}
	return v
}

// do runs fn on the runtime.
func (h *testHost) do(t testing.TB, fn func(vm *goja.Runtime)) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.rt.Do(ctx, func(vm *goja.Runtime) error { fn(vm); return nil }); err != nil {
		t.Fatal(err)
	}
}

// session runs a REPL session over p and returns what Run returned. interrupt, when
// not nil, is the Ctrl-C channel.
func (h *testHost) session(t *testing.T, p *fakePrompter, cfg Config, interrupt chan os.Signal) error {
	t.Helper()
	if interrupt == nil {
		interrupt = make(chan os.Signal, 1)
	}
	cfg.Stdout, cfg.Stderr, cfg.Interrupt = h.stdout, h.stderr, interrupt
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := newSession(h.rt, cfg, p, nil).run(ctx)
	if ctx.Err() != nil {
		t.Fatalf("session did not end: %v\nstdout:\n%s\nstderr:\n%s", ctx.Err(), h.stdout, h.stderr)
	}
	return err
}

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }
