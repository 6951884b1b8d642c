package runtime

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
	goruntime "runtime"
)

// run is the frame of every run (RunString, Eval, Do): one at a time, a fresh event
// loop, the timeout, and ctx wired to vm.Interrupt so that cancelling stops running
// JavaScript as well as a waiting loop. The runtime can run again afterwards.
//
// body runs on a goroutine of its own while the caller waits: a run stuck inside a
// built-in function (a deep JSON.stringify, which no interrupt reaches) when ctx ends
// is given Options.StopGrace to finish, and then abandoned: run returns an
// [*InterruptError] wrapping [ErrAbandoned], and the runtime refuses later runs (its VM
// still belongs to that goroutine).
func (r *Runtime) run(ctx context.Context, body func() (goja.Value, error)) (goja.Value, error) {
	if r.closed {
		return nil, ErrClosed
	}
	if r.abandoned.Load() {
		return nil, ErrAbandoned
	}
	if !r.busy.CompareAndSwap(false, true) {
		return nil, ErrBusy
	}
	if ctx == nil {
		ctx = context.Background()
	}
	cancel := func() {}
	if r.opts.Timeout > 0 {
		ctx, cancel = context.WithTimeoutCause(ctx, r.opts.Timeout, ErrTimeout)
	}
	if r.opts.MaxMemory > 0 {
		var cancelMem context.CancelCauseFunc
		ctx, cancelMem = context.WithCancelCause(ctx)
		stopWatch := watchMemory(r.opts.MaxMemory, cancelMem)
		prev := cancel
		cancel = func() { stopWatch(); cancelMem(nil); prev() }
	}
	// The client keeps the creates, updates and deletes sent on the run's context and
	// not yet answered: a stopped run names them (they may have been applied).
	ctx = daktela.WithWritesInFlight(ctx, &daktela.WritesInFlight{})
	type outcome struct {
		v   goja.Value
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		v, err := r.runOnVM(ctx, body)
		cancel()
		r.busy.Store(false) // before done: the caller may start the next run at once
		done <- outcome{v, err}
	}()
	select {
	case o := <-done:
		return o.v, o.err
	case <-ctx.Done():
	}
	grace := r.opts.StopGrace
	if grace <= 0 {
		grace = DefaultStopGrace
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case o := <-done:
		return o.v, o.err
	case <-t.C:
	}
	// The goroutine is inside a built-in that does not look at interrupts. It keeps the
	// VM (and busy) until it returns, if ever; this runtime is done.
	r.abandoned.Store(true)
	return nil, r.abandonedError(ctx, grace)
}

// runOnVM runs body on the VM with the run's loop, interrupts and error conversion.
func (r *Runtime) runOnVM(ctx context.Context, body func() (goja.Value, error)) (goja.Value, error) {
	r.vm.ClearInterrupt()
	loop := newEventLoop()
	r.loop = loop
	r.runCtx = ctx
	r.rejections = r.rejections[:0]
	r.mainPromise = nil

	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		r.vm.Interrupt(interruptRequest{})
		loop.wake()
		close(fired)
	})
	defer func() {
		if !stop() {
			<-fired
		}
		r.vm.ClearInterrupt()
		loop.close()
		r.runCtx = nil
		r.mainPromise = nil
		r.rejections = r.rejections[:0]
	}()

	v, err := r.protect(body)
	if err != nil {
		return nil, r.convertError(ctx, err)
	}
	return v, nil
}

// abandonedError is the error of a run abandoned grace after ctx ended.
func (r *Runtime) abandonedError(ctx context.Context, grace time.Duration) error {
	cause := context.Cause(ctx)
	e := &InterruptError{Code: ExitInterrupted, cause: cause, Abandoned: grace.String(), InFlight: writesInFlight(ctx)}
	r.classifyStop(e, cause)
	return e
}

// protect runs body, turning a panic that escaped a native module into an error
// instead of a crash with a Go stack.
func (r *Runtime) protect(body func() (goja.Value, error)) (v goja.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			switch p := p.(type) {
			case goruntime.Error:
				// A fault of Go code (goja's own or a module's) rather than of the
				// script: reported at the script's line it was running.
				err = &engineFault{err: p, stack: r.vm.CaptureCallStack(0, nil)}
			case error:
				err = p
			case goja.Value:
				err = &thrownError{value: p}
			default:
				err = fmt.Errorf("internal error in a native module: %v", p)
			}
		}
	}()
	return body()
}

// drive runs the current loop until nothing is left to do.
func (r *Runtime) drive() error {
	ctx := r.runCtx
	if ctx == nil {
		ctx = context.Background()
	}
	return r.loop.run(ctx, r.callTask)
}

// callTask runs one macrotask (goja runs the promise jobs it queued on the way out)
// and then looks for rejections nobody handled.
func (r *Runtime) callTask(fn func() error) error {
	var err error
	if ex := r.vm.Try(func() { err = fn() }); ex != nil {
		return ex
	}
	if err != nil {
		return err
	}
	return r.checkRejections()
}

// trackRejection is the VM's promise rejection tracker.
func (r *Runtime) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		r.rejections = append(r.rejections, p)
	case goja.PromiseRejectionHandle:
		for i, q := range r.rejections {
			if q == p {
				r.rejections = append(r.rejections[:i], r.rejections[i+1:]...)
				break
			}
		}
	}
}

// checkRejections ends the run on the first rejected promise that still has no
// handler once the current task and its promise jobs are done.
func (r *Runtime) checkRejections() error {
	for _, p := range r.rejections {
		if p.State() != goja.PromiseStateRejected {
			continue
		}
		if p == r.mainPromise {
			return &thrownError{value: p.Result()}
		}
		return &thrownError{value: p.Result(), inPromise: true}
	}
	r.rejections = r.rejections[:0]
	return nil
}

// settledMain reports how the top-level await wrapper ended once the loop is idle.
func (r *Runtime) settledMain() error {
	p := r.mainPromise
	if p == nil {
		return nil
	}
	switch p.State() {
	case goja.PromiseStateRejected:
		return &thrownError{value: p.Result()}
	case goja.PromiseStatePending:
		return &ScriptError{Kind: "Uncaught", Name: "Error", Message: "top-level await never finished: the script waited for a promise that nothing will settle"}
	}
	return nil
}

// writesInFlight lists the writes sent on the run's context ctx that had no answer when
// it ended, as "POST contacts.json".
func writesInFlight(ctx context.Context) []string {
	if w := daktela.WritesInFlightOf(ctx); w != nil {
		return w.List()
	}
	return nil
}

// classifyStop sets e's code (and limit) from the cause of the stopped run's context.
func (r *Runtime) classifyStop(e *InterruptError, cause error) {
	switch {
	case errors.Is(cause, ErrMemoryLimit):
		e.Code = ExitMemory
		e.MemoryLimit = r.opts.MaxMemory
	case errors.Is(cause, ErrTimeout) || errors.Is(cause, context.DeadlineExceeded):
		e.Code = ExitTimeout
		if errors.Is(cause, ErrTimeout) && r.opts.Timeout > 0 {
			e.Timeout = r.opts.Timeout.String()
		}
	}
}
