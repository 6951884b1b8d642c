package jsdaktela

import (
	"context"
	_ "embed"
	"errors"
	"iter"
	"strings"
	"sync"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

//go:embed js/watch.js
var watchSource string

// watchProgram is compiled once per process, as iteratorProgram is.
var watchProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile(embeddedPrefix+"watch.js", watchSource, true)
})

var watchKeys = []string{"every", "checkpoint", "since", "field", "overlap"}

// watchOptions reads client.watch's options object (argument i).
func (in *instance) watchOptions(a bindings.Args, i int) daktela.WatchOptions {
	var opts daktela.WatchOptions
	o := options(a, i, "options", watchKeys...)
	if o == nil {
		return opts
	}
	duration := func(key string) time.Duration {
		v := field(o, key)
		if v == nil {
			return 0
		}
		want := `a duration such as "30s", "5m" or "1h30m"`
		if n, ok := bindings.IntOf(v); ok && n > 0 {
			return time.Duration(n) * time.Millisecond // a number is milliseconds, as setTimeout's
		}
		s, ok := v.Export().(string)
		if !ok {
			a.Fail(key, want, v)
		}
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			a.Fail(key, want, v)
		}
		return d
	}
	str := func(key, want string) string {
		v := field(o, key)
		if v == nil || goja.IsNull(v) {
			return ""
		}
		s, ok := v.Export().(string)
		if !ok || s == "" {
			a.Fail(key, want, v)
		}
		return s
	}
	opts.Every = duration("every")
	opts.Overlap = duration("overlap")
	opts.Field = str("field", `the name of a datetime field such as "edited" or "time_close"`)
	if v := field(o, "since"); v != nil && !goja.IsNull(v) {
		if isDate(v) {
			opts.Since = apiDateTime(a, v.(*goja.Object), "since", in.loc)
		} else {
			opts.Since = str("since", `a Date or a date-time in the API's format ("2026-01-15 08:00:00")`)
		}
	}
	if cp := str("checkpoint", "a file path"); cp != "" {
		if !in.cfg.FileAccess {
			a.Throw("the checkpoint option writes a file, and this runtime gives scripts no file access")
		}
		opts.Checkpoint = in.filePath(cp) // relative to the host's directory, as the file calls'

	}
	return opts
}

// watchRequest reads client.watch's request argument: a list read.
func (in *instance) watchRequest(a bindings.Args) *daktela.ReadRequest {
	req, _ := in.requestArg(a, 0, "request")
	rr, ok := req.(*daktela.ReadRequest)
	if !ok {
		a.Fail("request", "a read request (daktela.buildReadRequest)", a.Value(0))
	}
	if rr.RequestType() == daktela.TypeSingle {
		a.Fail("request", "a list read (buildReadRequest), not a single read of "+rr.Model(), a.Value(0))
	}
	return rr.Clone()
}

// watch is client.watch(request, options, callback?).
func (in *instance) watch(ch *clientHandle, call goja.FunctionCall) goja.Value {
	vm := in.vm
	a := bindings.Args{VM: vm, Call: call, Method: "watch"}
	rr := in.watchRequest(a)
	opts := in.watchOptions(a, 1)
	if err := ch.c.CheckWatch(rr, opts); err != nil {
		a.Throw("%s", strings.TrimPrefix(goMessage(err), "Watch: "))
	}
	if a.Has(2) {
		cb, ok := goja.AssertFunction(a.Value(2))
		if !ok {
			a.Fail("callback", "a function called with each record", a.Value(2))
		}
		return in.watchEach(ch, rr, opts, cb)
	}
	return in.watchIterable(ch, rr, opts)
}

// watchEach is the synchronous form: cb gets each record on the script's thread until it
// returns false or the run stops; it returns how many records cb handled. A record cb
// threw on is not acknowledged (the next run gets it again), unless the throw is the
// run stopping (Ctrl-C, the timeout, process.exit): a stop re-delivers nothing.
func (in *instance) watchEach(ch *clientHandle, rr *daktela.ReadRequest, opts daktela.WatchOptions, cb goja.Callable) goja.Value {
	ctx := in.host.Context()
	n := 0
	var stopped error
	for rec, err := range ch.c.Watch(ctx, rr, opts) {
		in.drainLogs(ch)
		if err != nil {
			if ctx.Err() != nil {
				return in.vm.ToValue(n) // the run is stopping: its interrupt ends the script
			}
			in.throw(err)
		}
		v, cerr := cb(goja.Undefined(), recordValue(in.vm, rec))
		if cerr != nil {
			var ie *goja.InterruptedError
			if errors.As(cerr, &ie) || ctx.Err() != nil {
				stopped = cerr // done with this record: the run stops here
				break
			}
			panic(cerr) // the body failed: the record is not acknowledged
		}
		n++
		if v != nil && v.StrictEquals(in.vm.ToValue(false)) {
			break
		}
	}
	if stopped != nil {
		panic(stopped)
	}
	return in.vm.ToValue(n)
}

// watchRun is one async watch: the Go iterator pulled record by record.
type watchRun struct {
	next   func() (daktela.Record, error, bool)
	stop   func()
	cancel context.CancelFunc
	busy   chan struct{} // open while a goroutine waits for the next record
	ended  bool
	// stopping is set when the loop's return() asked to stop: the record the body had
	// is acknowledged on the next turn of the event loop, unless the run fails first
	// (the body threw: the lowered for await calls return() on a throw as on a break).
	stopping bool
	// gaveUp makes end leave the record the body had unacknowledged.
	gaveUp bool
}

// end stops the Go side for good: a pull under way is cancelled and waited for, then the
// iterator is stopped, which acknowledges the record the loop body has (it is done with
// it, or the run is stopping).
func (w *watchRun) end() {
	if w.ended {
		return
	}
	w.ended = true
	w.cancel()
	if w.busy != nil {
		<-w.busy
		w.busy = nil
	}
	w.stop()
}

// watchIterable is the async form: an async iterable whose next() resolves with the next
// changed record.
func (in *instance) watchIterable(ch *clientHandle, rr *daktela.ReadRequest, opts daktela.WatchOptions) goja.Value {
	vm := in.vm
	ctx, cancel := context.WithCancel(in.host.Context())
	w := &watchRun{cancel: cancel}
	opts.Unfinished = func() bool { return w.gaveUp }
	w.next, w.stop = iter.Pull2(ch.c.Watch(ctx, rr, opts))
	in.trackWatch(w)

	hooks := vm.NewObject()
	in.setFn(hooks, "pull", func(goja.FunctionCall) goja.Value {
		promise, resolve, reject := vm.NewPromise()
		if w.ended || w.stopping {
			must(resolve(goja.Null()))
			return vm.ToValue(promise)
		}
		if w.busy != nil {
			must(reject(vm.NewTypeError("watch: next() was called again before the record it asked for arrived; await each one")))
			return vm.ToValue(promise)
		}
		frames := vm.CaptureCallStack(0, nil)
		busy := make(chan struct{})
		w.busy = busy
		enqueue := in.host.RegisterCallback()
		go func() {
			rec, err, ok := w.next()
			close(busy)
			enqueue(func() error {
				w.busy = nil
				in.drainLogs(ch)
				switch {
				case !ok:
					w.end()
					return resolve(goja.Null())
				case err != nil:
					w.end()
					if ctx.Err() != nil && in.host.Context().Err() != nil {
						return resolve(goja.Null()) // the run is stopping
					}
					return reject(in.errorValue(err, frames))
				}
				return resolve(recordValue(vm, rec))
			})
		}()
		return vm.ToValue(promise)
	})
	in.setFn(hooks, "stop", func(goja.FunctionCall) goja.Value {
		// A break and a throw out of the loop body both come here, and cannot be told
		// apart: a throw the script does not catch fails the run before the next turn
		// of the event loop, and the record is then left unacknowledged (see
		// trackWatch); otherwise it is acknowledged on that turn.
		if !w.ended && !w.stopping {
			w.stopping = true
			enqueue := in.host.RegisterCallback()
			enqueue(func() error {
				if f, ok := in.host.(interface{ Failing() bool }); ok && f.Failing() {
					return nil // the run is failing: its end leaves the record (trackWatch)
				}
				w.end()
				in.drainLogs(ch)
				return nil
			})
		}
		promise, resolve, _ := vm.NewPromise()
		must(resolve(goja.Undefined()))
		return vm.ToValue(promise)
	})
	o, err := vm.New(in.watchClass(), hooks)
	if err != nil {
		panic(err)
	}
	return o
}

// watchClass returns the Watch class of js/watch.js, made on first use.
func (in *instance) watchClass() *goja.Object {
	if in.watchCtor == nil {
		in.watchCtor = in.runFactory(watchProgram()).Get("Watch").ToObject(in.vm)
	}
	return in.watchCtor
}

// trackWatch keeps w so that the end of the run stops it and no goroutine outlives the
// run. The record its loop body has is acknowledged when the run stopped cleanly (it
// ended, process.exit, Ctrl-C, the timeout: a clean stop re-delivers nothing), and left
// for the next run when the run failed with an uncaught error (the body may have thrown
// on it: a crash re-delivers the record in flight rather than lose it).
func (in *instance) trackWatch(w *watchRun) {
	if !in.watchCleanup {
		in.watchCleanup = true
		if ch, ok := in.host.(interface{ OnClose(func() error) }); ok {
			ch.OnClose(func() error {
				failed := false
				if f, ok := in.host.(interface{ RunFailed() bool }); ok {
					failed = f.RunFailed()
				}
				ws := in.watches
				in.watches = nil
				for _, w := range ws {
					w.gaveUp = failed
					w.end()
				}
				return nil
			})
		}
	}
	in.watches = append(in.watches, w)
}
