// Package bindingstest helps test a [bindings.Module] on its own, without the runtime:
// [Host] is a [bindings.Host] over a bare goja VM with buffers for the standard
// streams, a context, an event loop that runs what modules queue through
// RegisterCallback, and the OnClose cleanups of the optional jsfs.CleanupHost.
//
// A module's test usually needs one line:
//
//	v := bindingstest.Run(t, jspath.New(jspath.Options{}), `require("path").join("a", "b")`)
//
// or, to look at the streams or run several scripts on one VM, a [Host] from [New].
package bindingstest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// LoopTimeout bounds how long Eval waits for the callbacks a script left pending.
const LoopTimeout = 10 * time.Second

// Host is a [bindings.Host] standing in for the dkscript runtime. Make it with
// [NewHost] or [New]; set Ctx or Input before running scripts that need them. Like the
// runtime, it is used from one goroutine, except for the enqueue functions
// RegisterCallback returns.
type Host struct {
	// Ctx is what Context returns (Background unless a test sets, say, a cancelled one).
	Ctx context.Context
	// Input is what Stdin returns (empty unless set).
	Input io.Reader
	// Output and Errors hold what modules and print wrote to Stdout and Stderr.
	Output, Errors bytes.Buffer

	vm       *goja.Runtime
	modules  map[string]goja.Value
	cleanups []func() error

	mu      sync.Mutex
	queue   []func() error
	pending int
	wake    chan struct{}
}

var _ bindings.Host = (*Host)(nil)

// NewHost returns a host over a fresh goja VM with no modules loaded. The VM has
// require(name), which returns the modules [Host.Load] instantiated, and print(...args),
// which writes its arguments, separated by spaces, as a line to Output.
func NewHost() *Host {
	h := &Host{
		Ctx:     context.Background(),
		Input:   strings.NewReader(""),
		vm:      goja.New(),
		modules: map[string]goja.Value{},
		wake:    make(chan struct{}, 1),
	}
	_ = h.vm.Set("require", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		v, ok := h.modules[strings.TrimPrefix(name, "node:")]
		if !ok {
			panic(h.vm.NewTypeError("require: no module %q is loaded in this test host", name))
		}
		return v
	})
	_ = h.vm.Set("print", func(call goja.FunctionCall) goja.Value {
		parts := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			parts[i] = a.String()
		}
		h.Output.WriteString(strings.Join(parts, " ") + "\n")
		return goja.Undefined()
	})
	return h
}

// New returns a host with mods loaded, failing t if one cannot be instantiated. The
// cleanups modules registered run when t ends, so files a test left open are closed.
func New(t testing.TB, mods ...bindings.Module) *Host {
	t.Helper()
	h := NewHost()
	if err := h.Load(mods...); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// Load instantiates mods on h, as the runtime does on first require: require(name)
// returns each one's exports, and a module that is a [bindings.Global] is also the
// global of its name.
func (h *Host) Load(mods ...bindings.Module) error {
	for _, m := range mods {
		v, err := m.Instantiate(h)
		if err != nil {
			return fmt.Errorf("bindingstest: instantiating module %q: %w", m.Name(), err)
		}
		h.modules[m.Name()] = v
		if g, ok := m.(bindings.Global); ok && g.IsGlobal() {
			if err := h.vm.Set(m.Name(), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// VM returns the JavaScript VM.
func (h *Host) VM() *goja.Runtime { return h.vm }

// Context returns h.Ctx.
func (h *Host) Context() context.Context { return h.Ctx }

// Stdin returns h.Input.
func (h *Host) Stdin() io.Reader { return h.Input }

// Stdout returns h.Output.
func (h *Host) Stdout() io.Writer { return &h.Output }

// Stderr returns h.Errors.
func (h *Host) Stderr() io.Writer { return &h.Errors }

// OnClose registers fn to run at [Host.Close] (jsfs.CleanupHost): where the fs and csv
// modules close the files a script left open.
func (h *Host) OnClose(fn func() error) { h.cleanups = append(h.cleanups, fn) }

// Close runs the OnClose functions in the order given, as the runtime does when a run
// ends, and returns their errors joined. They stay registered, so Close may run again.
func (h *Host) Close() error {
	var errs []error
	for _, fn := range h.cleanups {
		if err := fn(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// RegisterCallback reserves a slot on the event loop [Host.Eval] drives; the returned
// function queues f to run there (only its first call counts) and may be called from
// any goroutine.
func (h *Host) RegisterCallback() func(func() error) {
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

// Eval runs src as the script "test.js", then runs the callbacks modules queued until
// none is pending, and returns src's completion value. A thrown exception is a
// *goja.Exception; an error a callback returned is returned as it is; callbacks still
// pending after [LoopTimeout] are an error.
func (h *Host) Eval(src string) (goja.Value, error) {
	v, err := h.vm.RunScript("test.js", src)
	if err != nil {
		return nil, err
	}
	deadline := time.NewTimer(LoopTimeout)
	defer deadline.Stop()
	for {
		h.mu.Lock()
		q := h.queue
		h.queue = nil
		h.pending -= len(q)
		left := h.pending
		h.mu.Unlock()
		for _, f := range q {
			if err := f(); err != nil {
				return nil, err
			}
		}
		if len(q) > 0 {
			continue
		}
		if left == 0 {
			return v, nil
		}
		select {
		case <-h.wake:
		case <-deadline.C:
			return nil, fmt.Errorf("bindingstest: %d callbacks still pending after %s", left, LoopTimeout)
		}
	}
}

// Run evaluates src with [Host.Eval] and returns its completion value, failing t (with
// the script) if it throws or its callbacks fail.
func (h *Host) Run(t testing.TB, src string) goja.Value {
	t.Helper()
	v, err := h.Eval(src)
	if err != nil {
		t.Fatalf("script failed: %v\n%s", err, src)
	}
	return v
}

// Throws evaluates src, which must throw an object, and returns what it threw; it
// fails t if src does not throw or throws something else than an object.
func (h *Host) Throws(t testing.TB, src string) *goja.Object {
	t.Helper()
	_, err := h.Eval(src)
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("script did not throw (err %v):\n%s", err, src)
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok {
		t.Fatalf("thrown value is not an object: %v", ex.Value())
	}
	return o
}

// Run loads module on a new [Host] and returns the completion value of js, failing t if
// it throws.
func Run(t testing.TB, module bindings.Module, js string) goja.Value {
	t.Helper()
	return New(t, module).Run(t, js)
}

// Prop returns o[key] as a string, or "<missing>" when o has no such property: for
// comparing the fields of results and errors.
func Prop(o *goja.Object, key string) string {
	v := o.Get(key)
	if v == nil {
		return "<missing>"
	}
	return v.String()
}

// OpenFDs returns how many file descriptors the process has open, for tests that check
// a module closes the files it opens. It reads /proc and skips t where there is none.
func OpenFDs(t testing.TB) int {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("bindingstest.OpenFDs counts descriptors through /proc (Linux only)")
	}
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip(err)
	}
	return len(entries)
}
