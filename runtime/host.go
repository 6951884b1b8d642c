package runtime

import (
	"context"
	"io"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// host is what modules see of the runtime (bindings.Host).
type host struct{ r *Runtime }

var _ bindings.TimerHost = host{}

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

// SetUnrefTimer runs fn after d on the run's loop, without keeping the run going.
func (h host) SetUnrefTimer(d time.Duration, fn func() error) func() {
	return h.r.setUnrefTimer(d, fn)
}

// Stdin returns the run's input.
func (h host) Stdin() io.Reader { return h.r.stdin }

// Stdout returns the run's output.
func (h host) Stdout() io.Writer { return h.r.stdout }

// Stderr returns the run's error output.
func (h host) Stderr() io.Writer { return h.r.stderr }

// OnClose registers fn to run at the end of every RunString and RunFile (however the
// script ended, process.exit included) and at Close, on the runtime's goroutine: the
// fs and csv modules flush and close there the writers a script did not close (the
// optional CleanupHost interface of package jsfs). Evals do not run it, so the writers
// a REPL session opened live until Close. An error fn returns becomes the run's error
// when the script itself succeeded, and is a warning on stderr otherwise (and at Close).
func (h host) OnClose(fn func() error) { h.r.cleanups = append(h.r.cleanups, fn) }

// RunFailed reports whether the last run ended with an uncaught error rather than
// stopping cleanly (its end, process.exit, an interrupt): a module's cleanup that keeps
// a position (a watch's checkpoint) leaves the work in flight for the next run then.
func (h host) RunFailed() bool { return h.r.runFailed }

// Failing reports whether the current run is about to fail: the top-level await
// wrapper's promise is rejected, or a rejected promise has no handler yet. A module
// that would commit work on the next turn of the event loop leaves it then.
func (h host) Failing() bool {
	r := h.r
	if p := r.mainPromise; p != nil && p.State() == goja.PromiseStateRejected {
		return true
	}
	for _, p := range r.rejections {
		if p.State() == goja.PromiseStateRejected {
			return true
		}
	}
	return false
}
