package jsdaktela

import (
	"context"
	"fmt"
	"sync"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// batch is the outcome of sending a list of requests: per request, its response or its
// error (both nil when it was not sent).
type batch struct {
	resps []*daktela.Response
	errs  []error
	// first is the index of the request that failed first (in time), -1 when none did.
	first int
}

// completed counts the requests that succeeded.
func (b *batch) completed() int {
	n := 0
	for _, r := range b.resps {
		if r != nil {
			n++
		}
	}
	return n
}

// runBatch sends reqs with at most conc in flight; a nil request is skipped. With
// failFast, after the first failure nothing more is started (requests already under way
// finish: cancelling a write midway would leave its outcome unknown). A cancelled ctx
// stops starting requests.
func runBatch(ctx context.Context, c *daktela.Client, reqs []daktela.Request, conc int, failFast bool) *batch {
	b := &batch{resps: make([]*daktela.Response, len(reqs)), errs: make([]error, len(reqs)), first: -1}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	stop := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return failFast && b.first >= 0
	}
	sem := make(chan struct{}, conc)
	for i, req := range reqs {
		if req == nil {
			continue
		}
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil || stop() {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			r, err := c.Execute(ctx, req)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				b.errs[i] = err
				if b.first < 0 {
					b.first = i
				}
				return
			}
			b.resps[i] = r
		}()
	}
	wg.Wait()
	return b
}

// batchError is the error of executeAll: which request failed, how many had
// completed, and the failure itself (which errors.As still finds).
type batchError struct {
	index, completed, total int
	others                  int // other requests that failed while under way
	err                     error
}

func (e *batchError) Error() string {
	others := ""
	if e.others > 0 {
		others = fmt.Sprintf(", %d other failed", e.others)
	}
	notSent := e.total - e.completed - e.others - 1
	return fmt.Sprintf("executeAll: requests[%d] failed (%d of %d completed%s, %d not sent): %s",
		e.index, e.completed, e.total, others, notSent, goMessage(e.err))
}

func (e *batchError) Unwrap() error { return e.err }

// executeAllError returns the error executeAll rejects with for a batch with a failure.
func executeAllError(b *batch) *batchError {
	others := 0
	for i, err := range b.errs {
		if err != nil && i != b.first {
			others++
		}
	}
	return &batchError{index: b.first, completed: b.completed(), total: len(b.errs), others: others, err: b.errs[b.first]}
}

// batchConcurrency reads options.concurrency (argument i) of executeAll and
// executeAllSettled.
func batchConcurrency(a bindings.Args, i int) int {
	conc := defaultExecuteAllConcurrency
	if o := options(a, i, "options", "concurrency"); o != nil {
		if v := o.Get("concurrency"); v != nil && !goja.IsUndefined(v) {
			c, ok := bindings.IntOf(v)
			if !ok || c < 1 || c > maxConcurrency {
				a.Fail("options.concurrency", "an integer from 1 to "+itoa(maxConcurrency), v)
			}
			conc = int(c)
		}
	}
	return conc
}

// executeAll is client.executeAll(requests, {concurrency}): the responses in order, or
// a rejection with the first failure, naming its index and how many had completed (also
// as the exception's index and completed properties).
func (in *instance) executeAll(call goja.FunctionCall) goja.Value {
	vm := in.vm
	ch := in.clientThis(call, "executeAll")
	a := bindings.Args{VM: vm, Call: call, Method: "executeAll"}
	arr := a.Array(0, "requests")
	n := a.Length(arr, "requests")
	reqs := make([]daktela.Request, n)
	for i := range reqs {
		v := arr.Get(itoa(i))
		req, _ := requestOf(v)
		if req == nil {
			a.Fail("requests["+itoa(i)+"]", "a request from daktela.RequestFactory", v)
		}
		reqs[i] = snapshot(req)
	}
	conc := batchConcurrency(a, 1)
	frames := vm.CaptureCallStack(0, nil)
	promise, resolve, reject := vm.NewPromise()
	enqueue := in.host.RegisterCallback()
	ctx := in.host.Context()
	go func() {
		b := runBatch(ctx, ch.c, reqs, conc, true)
		enqueue(func() error {
			in.drainLogs(ch)
			if b.first >= 0 {
				be := executeAllError(b)
				v := in.errorValue(be, frames)
				if o, ok := v.(*goja.Object); ok && ctx.Err() == nil {
					must(o.Set("index", be.index))
					must(o.Set("completed", be.completed))
				}
				return reject(v)
			}
			if err := ctx.Err(); err != nil {
				return reject(in.errorValue(err, frames))
			}
			out := make([]any, len(b.resps))
			for i, r := range b.resps {
				out[i] = in.newResponse(r)
			}
			return resolve(vm.NewArray(out...))
		})
	}()
	return vm.ToValue(promise)
}

// executeAllSettled is client.executeAllSettled(requests, {concurrency}): like
// Promise.allSettled, one entry per request in order, {status: "fulfilled", value,
// index} or {status: "rejected", reason, index}; it keeps going past failures. An element
// that is not a request is a rejected entry with a TypeError.
func (in *instance) executeAllSettled(call goja.FunctionCall) goja.Value {
	vm := in.vm
	ch := in.clientThis(call, "executeAllSettled")
	a := bindings.Args{VM: vm, Call: call, Method: "executeAllSettled"}
	arr := a.Array(0, "requests")
	n := a.Length(arr, "requests")
	reqs := make([]daktela.Request, n)
	bad := make(map[int]goja.Value)
	for i := range reqs {
		v := arr.Get(itoa(i))
		req, _ := requestOf(v)
		if req == nil {
			bad[i] = vm.NewTypeError(bindings.ArgMessage("executeAllSettled", "requests["+itoa(i)+"]", "a request from daktela.RequestFactory", v))
			continue
		}
		reqs[i] = snapshot(req)
	}
	conc := batchConcurrency(a, 1)
	frames := vm.CaptureCallStack(0, nil)
	promise, resolve, reject := vm.NewPromise()
	enqueue := in.host.RegisterCallback()
	ctx := in.host.Context()
	go func() {
		b := runBatch(ctx, ch.c, reqs, conc, false)
		enqueue(func() error {
			in.drainLogs(ch)
			if err := ctx.Err(); err != nil {
				return reject(in.errorValue(err, frames))
			}
			out := make([]any, n)
			for i := range out {
				e := vm.NewObject()
				switch {
				case bad[i] != nil:
					must(e.Set("status", "rejected"))
					must(e.Set("reason", bad[i]))
				case b.errs[i] != nil:
					must(e.Set("status", "rejected"))
					must(e.Set("reason", in.errorValue(b.errs[i], frames)))
				default:
					must(e.Set("status", "fulfilled"))
					must(e.Set("value", in.newResponse(b.resps[i])))
				}
				must(e.Set("index", i))
				out[i] = e
			}
			return resolve(vm.NewArray(out...))
		})
	}()
	return vm.ToValue(promise)
}
