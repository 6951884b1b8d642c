package jsfs_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// testHost is a bare bindings.Host over a goja VM, standing in for the runtime: it
// requires modules by name and keeps the cleanups registered with OnClose.
type testHost struct {
	vm       *goja.Runtime
	ctx      context.Context
	stdin    io.Reader
	stdout   bytes.Buffer
	stderr   bytes.Buffer
	cleanups []func() error
}

func newHost(t testing.TB, stdin string, mods ...bindings.Module) *testHost {
	t.Helper()
	h := &testHost{vm: goja.New(), ctx: context.Background(), stdin: strings.NewReader(stdin)}
	exports := map[string]goja.Value{}
	for _, m := range mods {
		v, err := m.Instantiate(h)
		if err != nil {
			t.Fatalf("instantiate %s: %v", m.Name(), err)
		}
		exports[m.Name()] = v
	}
	_ = h.vm.Set("require", func(name string) goja.Value {
		v, ok := exports[name]
		if !ok {
			panic(h.vm.NewTypeError("no module %q", name))
		}
		return v
	})
	return h
}

func (h *testHost) VM() *goja.Runtime        { return h.vm }
func (h *testHost) Context() context.Context { return h.ctx }
func (h *testHost) RegisterCallback() func(func() error) {
	panic("the helper modules never use the event loop")
}
func (h *testHost) Stdin() io.Reader  { return h.stdin }
func (h *testHost) Stdout() io.Writer { return &h.stdout }
func (h *testHost) Stderr() io.Writer { return &h.stderr }
func (h *testHost) OnClose(fn func() error) { h.cleanups = append(h.cleanups, fn) }

// close runs the cleanups as a runtime's Close would.
func (h *testHost) close() {
	for _, fn := range h.cleanups {
		_ = fn()
	}
}

// run runs src and returns its completion value, failing the test on an exception.
func (h *testHost) run(t testing.TB, src string) goja.Value {
	t.Helper()
	v, err := h.vm.RunString(src)
	if err != nil {
		t.Fatalf("script failed: %v\n%s", err, src)
	}
	return v
}

// throws runs src, which must throw, and returns the thrown value as an object.
func (h *testHost) throws(t *testing.T, src string) *goja.Object {
	t.Helper()
	_, err := h.vm.RunString(src)
	ex, ok := err.(*goja.Exception)
	if !ok {
		t.Fatalf("script did not throw (err %v):\n%s", err, src)
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok {
		t.Fatalf("thrown value is not an object: %v", ex.Value())
	}
	return o
}

func str(o *goja.Object, key string) string {
	v := o.Get(key)
	if v == nil {
		return "<missing>"
	}
	return v.String()
}
