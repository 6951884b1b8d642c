package runtime

import (
	"context"
	"io"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// host is what modules see of the runtime (bindings.Host).
type host struct{ r *Runtime }

var _ bindings.Host = host{}

func (r *Runtime) host() bindings.Host { return host{r: r} }

// VM returns the JavaScript runtime.
func (h host) VM() *goja.Runtime { return h.r.vm }

// Context returns the current run's context (Background between runs).
func (h host) Context() context.Context {
	if h.r.runCtx != nil {
		return h.r.runCtx
	}
	return context.Background()
}

// RegisterCallback reserves a slot on the current run's event loop.
func (h host) RegisterCallback() func(func() error) { return h.r.loop.register() }

// Stdin returns the run's input.
func (h host) Stdin() io.Reader { return h.r.stdin }

// Stdout returns the run's output.
func (h host) Stdout() io.Writer { return h.r.stdout }

// Stderr returns the run's error output.
func (h host) Stderr() io.Writer { return h.r.stderr }
