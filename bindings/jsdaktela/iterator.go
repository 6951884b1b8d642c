package jsdaktela

import (
	_ "embed"
	"iter"
	"runtime"
	"sync"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

//go:embed js/iterator.js
var iteratorSource string

// iteratorProgram is compiled once per process, as exceptionsProgram is.
var iteratorProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile(embeddedPrefix+"iterator.js", iteratorSource, true)
})

// iterHelpers are the iterable classes of one runtime (see js/iterator.js).
type iterHelpers struct {
	paginated *goja.Object // PaginatedIterator, constructed with the Go hooks
}

func (in *instance) newIterHelpers() iterHelpers {
	return iterHelpers{paginated: in.runFactory(iteratorProgram()).Get("PaginatedIterator").ToObject(in.vm)}
}

// iterOptions are client.iterate's options.
type iterOptions struct {
	pageSize, maxItems, concurrency int
	stopOnError                     bool
}

var iterateKeys = []string{"pageSize", "maxItems", "stopOnError", "concurrency"}

// iterateOptions reads iterate's options: an object {pageSize, maxItems, stopOnError,
// concurrency}, or PHP's positional (pageSize, maxItems, stopOnError).
func iterateOptions(a bindings.Args) iterOptions {
	opts := iterOptions{stopOnError: true}
	var o *goja.Object
	if a.Has(1) {
		if _, ok := a.Value(1).(*goja.Object); ok {
			o = options(a, 1, "options", iterateKeys...)
		} else {
			o = a.VM.NewObject()
			for i, k := range iterateKeys[:3] {
				if a.Has(i + 1) {
					o.Set(k, a.Value(i+1))
				}
			}
		}
	}
	if o == nil {
		return opts
	}
	intOpt := func(key string, lo, hi int64) int {
		v := field(o, key)
		if v == nil || goja.IsNull(v) {
			return 0
		}
		n, ok := bindings.IntOf(v)
		if !ok || n < lo || n > hi {
			a.Fail(key, "an integer from "+itoa(int(lo))+" to "+itoa(int(hi)), v)
		}
		return int(n)
	}
	opts.pageSize = intOpt("pageSize", 1, daktela.MaxTake)
	opts.maxItems = intOpt("maxItems", 0, 1<<53)
	opts.concurrency = intOpt("concurrency", 1, maxConcurrency)
	if v := field(o, "stopOnError"); v != nil {
		b, ok := bindings.BoolOf(v)
		if !ok {
			a.Fail("stopOnError", "a boolean", v)
		}
		opts.stopOnError = b
	}
	return opts
}

// iterate is client.iterate(request, options).
func (in *instance) iterate(ch *clientHandle, call goja.FunctionCall) goja.Value {
	vm := in.vm
	a := bindings.Args{VM: vm, Call: call, Method: "iterate"}
	req, _ := in.requestArg(a, 0, "request")
	rr, ok := req.(*daktela.ReadRequest)
	if !ok {
		a.Fail("request", "a read request (daktela.buildReadRequest)", a.Value(0))
	}
	if rr.RequestType() == daktela.TypeSingle {
		a.Fail("request", "a list read (buildReadRequest), not a single read of "+rr.Model(), a.Value(0))
	}
	rr = rr.Clone() // later changes to the request do not reach the iterator
	opts := iterateOptions(a)
	var goOpts []daktela.IterateOption
	if opts.pageSize > 0 {
		goOpts = append(goOpts, daktela.PageSize(opts.pageSize))
	}
	if opts.maxItems > 0 {
		goOpts = append(goOpts, daktela.MaxItems(opts.maxItems))
	}
	if opts.concurrency > 0 {
		goOpts = append(goOpts, daktela.Concurrency(opts.concurrency))
	}
	goOpts = append(goOpts, daktela.StopOnError(opts.stopOnError))
	// A Go iterator per use, on the context of the run that uses it; the last one says
	// which pages the last use skipped.
	var last *daktela.Iterator
	goIter := func() *daktela.Iterator {
		last = ch.c.Iterate(in.host.Context(), rr, goOpts...)
		return last
	}

	hooks := vm.NewObject()
	in.setFn(hooks, "open", func(goja.FunctionCall) goja.Value {
		return in.pageSource(ch, goIter(), opts, func(r *daktela.Response, recs []daktela.Record) goja.Value {
			return pageRecords(vm, r, recs)
		})
	})
	in.setFn(hooks, "openPages", func(goja.FunctionCall) goja.Value {
		return in.pageSource(ch, goIter(), opts, func(r *daktela.Response, _ []daktela.Record) goja.Value {
			return in.newResponse(r)
		})
	})
	in.setFn(hooks, "skipped", func(goja.FunctionCall) goja.Value {
		if last == nil {
			return vm.NewArray()
		}
		return in.skippedPages(last.Skipped())
	})
	in.setFn(hooks, "first", func(goja.FunctionCall) goja.Value {
		rec, err := goIter().First()
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return recordValue(vm, rec)
	})
	in.setFn(hooks, "toArray", func(goja.FunctionCall) goja.Value {
		recs, err := goIter().ToArray()
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return recordList(vm, recs)
	})
	in.setFn(hooks, "count", func(goja.FunctionCall) goja.Value {
		n, err := goIter().Count()
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return vm.ToValue(n)
	})
	in.setFn(hooks, "isEmpty", func(goja.FunctionCall) goja.Value {
		empty, err := goIter().IsEmpty()
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return vm.ToValue(empty)
	})
	o, err := vm.New(in.iters.paginated, hooks)
	if err != nil {
		panic(err)
	}
	return o
}

// pageSource returns the {next, stop} object js/iterator.js pulls pages from: next
// returns the next page made by convert (null at the end), stop ends the Go iterator.
// Pages are pulled from the Go iterator with iter.Pull2, so the Go side keeps fetching
// ahead while JS works on the current page.
func (in *instance) pageSource(ch *clientHandle, it *daktela.Iterator, opts iterOptions, convert func(*daktela.Response, []daktela.Record) goja.Value) *goja.Object {
	vm := in.vm
	next, stop := iter.Pull2(it.Pages())
	delivered := 0
	var once sync.Once
	end := func() { once.Do(stop) }
	src := vm.NewObject()
	// A script may drop an unfinished iterator without break (a manual next() and no
	// return()); stop the Go side when the source is collected, so nothing stays parked.
	runtime.AddCleanup(src, func(end func()) { end() }, end)
	in.setFn(src, "next", func(goja.FunctionCall) goja.Value {
		for {
			if opts.maxItems > 0 && delivered >= opts.maxItems {
				end()
				break
			}
			resp, err, ok := next()
			in.drainLogs(ch)
			if !ok {
				end()
				break
			}
			if err != nil {
				// The Go iterator skips failing pages itself (stopOnError false lists them
				// in getSkipped); an error it yields ends the read, whatever the option: a
				// failing first page, or a read cancelled, must not end the loop silently.
				end()
				in.throw(err)
			}
			recs := resp.Records()
			if opts.maxItems > 0 && delivered+len(recs) > opts.maxItems {
				recs = recs[:opts.maxItems-delivered]
			}
			delivered += len(recs)
			return convert(resp, recs)
		}
		return goja.Null()
	})
	in.setFn(src, "stop", func(goja.FunctionCall) goja.Value {
		end()
		in.drainLogs(ch)
		return goja.Undefined()
	})
	return src
}
