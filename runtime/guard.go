package runtime

import (
	"context"
	"errors"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// formatBudget bounds how long the script code that describing a thrown value runs
// (a message getter, a toString, an inspected object's accessors) may take before it
// is interrupted and the value is described without it.
const formatBudget = time.Second

// formatInterrupt is the interrupt value of script code that ran past formatBudget
// while a thrown value was being described.
type formatInterrupt struct{}

// guarded runs fn, which reads a script's value from Go and so may run script code: a
// getter, a Proxy trap, a toString. Whatever that code does, it ends fn and not the
// process: a JavaScript exception, a revoked Proxy, a Go panic or a stack overflow is
// recovered and reported as false. Call it only between runs of script code (the
// error formatter), with [Runtime.formatWatch] armed so that a loop ends too.
func (r *Runtime) guarded(fn func()) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	// Try restores the VM's stacks after a JavaScript exception; other panics (an
	// interrupt) pass through it to the recover above.
	return r.vm.Try(fn) == nil
}

// formatWatch interrupts script code still running formatBudget from now; the
// returned function disarms it. During a run the interrupt, if it fired, stays set
// until the run's end clears it, so that later guarded reads of the same run fail at
// once; outside a run, disarming clears it.
func (r *Runtime) formatWatch() (stop func()) {
	t := time.AfterFunc(formatBudget, func() { r.vm.Interrupt(formatInterrupt{}) })
	return func() {
		if !t.Stop() && !r.busy.Load() {
			r.vm.ClearInterrupt()
		}
	}
}

// proxyTarget returns the object a Proxy stands for (nil for a revoked one) and true
// when v is a Proxy; describing the target runs none of the Proxy's traps.
func proxyTarget(v goja.Value) (*goja.Object, bool) {
	p, ok := bindings.GoValue(v).(goja.Proxy)
	if !ok {
		return nil, false
	}
	return p.Target(), true
}

// findException returns the first *goja.Exception in err's chain, found without calling
// the Exception's own Unwrap.
func findException(err error) *goja.Exception {
	for err != nil {
		switch e := err.(type) {
		case *goja.Exception:
			return e
		case interface{ Unwrap() error }:
			err = e.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				if ex := findException(inner); ex != nil {
					return ex
				}
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// exceptionError is the error of a run that ended with the exception thrown: the run's
// interruption or exit when the exception is a Go error saying so (a native module
// stopped by the cancelled context), else the thrown value described.
func (r *Runtime) exceptionError(ctx context.Context, thrown *goja.Exception) error {
	cause := r.goCause(thrown.Value())
	var ee *ExitError
	switch {
	case errors.As(cause, &ee):
		return ee
	case ctx.Err() != nil && (errors.Is(cause, context.Canceled) || errors.Is(cause, context.DeadlineExceeded)):
		return r.interruptError(ctx, nil)
	}
	return r.scriptError(thrown.Value(), "Uncaught", thrown.Stack())
}

// goCause returns the Go error a native module threw as a GoError (its value
// property), or nil. It reads the property guarded: a script may throw an object of
// its own making, with a getter there.
func (r *Runtime) goCause(v goja.Value) (cause error) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if _, isProxy := proxyTarget(obj); isProxy {
		return nil
	}
	defer r.formatWatch()()
	r.guarded(func() {
		if gv := obj.Get("value"); gv != nil {
			cause, _ = bindings.GoValue(gv).(error)
		}
	})
	return cause
}
