package runtime

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// Webhook handlers: a script whose exports are functions named after events
// (module.exports = {call_close: async (payload, request) => ...}, or ES module named
// exports, or a default export object). A runtime loads the script once with require
// (so it is a module: its own scope, relative requires, the ES module transform) and
// then calls one handler per request, as a run of its own.

// HookRequest is one webhook call handed to a handler.
type HookRequest struct {
	// Event names the handler to call (call_close, ticket_update, ...).
	Event string
	// Path is the request's URL path ("/hooks/call_close").
	Path string
	// Headers are the request's headers; the handler sees them as an object of
	// lower-case names, several values joined with ", ". The host leaves out the header
	// that carries the webhook secret.
	Headers http.Header
	// Payload is the JSON body: the handler's first argument, parsed.
	Payload []byte
}

// HookResult is what a handler gave back.
type HookResult struct {
	// Body is the JSON of the handler's return value when it was an object (or an
	// array), nil otherwise.
	Body []byte
}

// HandlerError is a handler that threw, rejected or was stopped (timeout, shutdown).
type HandlerError struct {
	Event string
	Err   error // a *ScriptError, an *InterruptError, ...
}

func (e *HandlerError) Error() string { return "handler " + e.Event + ": " + e.Err.Error() }

// Unwrap returns the run's error.
func (e *HandlerError) Unwrap() error { return e.Err }

// Summary is the error on one line, for a log: "Uncaught Error: boom (hooks.js:3:11)".
func (e *HandlerError) Summary() string {
	var se *ScriptError
	if errors.As(e.Err, &se) {
		s := se.Headline()
		if se.File != "" {
			s += fmt.Sprintf(" (%s:%d:%d)", se.File, se.Line, se.Column)
		}
		return s
	}
	var ie *InterruptError
	if errors.As(e.Err, &ie) {
		s := strings.ReplaceAll(strings.TrimSpace(ie.Error()), "\n", " ")
		return s
	}
	return strings.ReplaceAll(e.Err.Error(), "\n", " ")
}

// hookSet is the handlers one runtime loaded from the script.
type hookSet struct {
	fns   map[string]hookFn
	parse goja.Callable // JSON.parse as the runtime started with it
}

type hookFn struct {
	fn   goja.Callable
	this goja.Value
}

// names returns the events with a handler, sorted.
func (h *hookSet) names() []string {
	out := make([]string, 0, len(h.fns))
	for n := range h.fns {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// loadHooks requires the script at file (an OS path, or a path in Options.ModuleFS)
// and collects the functions it exports.
func (r *Runtime) loadHooks(ctx context.Context, file string) (*hookSet, error) {
	spec := file
	if r.opts.ModuleFS != nil {
		spec = "./" + strings.TrimPrefix(filepath.ToSlash(filepath.Clean(file)), "./")
	} else if abs, err := filepath.Abs(file); err == nil {
		spec = abs
	}
	hs := &hookSet{fns: map[string]hookFn{}}
	err := r.Do(ctx, func(vm *goja.Runtime) error {
		r.setScriptName(file)
		if j, ok := vm.Get("JSON").(*goja.Object); ok {
			hs.parse, _ = goja.AssertFunction(j.Get("parse"))
		}
		exp := r.require(goja.FunctionCall{Arguments: []goja.Value{vm.ToValue(spec)}})
		obj, ok := exp.(*goja.Object)
		if !ok {
			return nil
		}
		collect := func(o *goja.Object, named bool) {
			for _, k := range o.Keys() {
				if named && k == "default" {
					continue
				}
				if _, taken := hs.fns[k]; taken {
					continue
				}
				if fn, ok := goja.AssertFunction(o.Get(k)); ok {
					hs.fns[k] = hookFn{fn: fn, this: o}
				}
			}
		}
		collect(obj, true)
		if d, ok := obj.Get("default").(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(d); !isFn {
				collect(d, false)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(hs.fns) == 0 {
		return nil, fmt.Errorf("%s exports no handlers: export a function per event, e.g. module.exports = { call_close: async (payload, request) => { ... } } or export async function call_close(payload, request) { ... }", file)
	}
	if hs.parse == nil {
		return nil, errors.New("runtime: JSON.parse is missing")
	}
	return hs, nil
}

// callHook runs the handler of req.Event as a run of its own: the payload is parsed,
// the handler called with it and the request object, and the run goes on until the
// handler's promise has settled and everything it started (requests, timers) has
// finished, or ctx ends.
func (r *Runtime) callHook(ctx context.Context, hs *hookSet, req *HookRequest) (*HookResult, error) {
	h, ok := hs.fns[req.Event]
	if !ok {
		return nil, ErrNoHandler
	}
	res := &HookResult{}
	var cleanupErr error
	_, err := r.run(ctx, func() (_ goja.Value, err error) {
		defer r.endRun(&err, &cleanupErr)
		err = r.runHook(hs, h, req, res)
		if code, ok := exitRequested(err); ok {
			return nil, fmt.Errorf("the handler called process.exit(%d): a handler cannot end the server; throw an error to answer 500", code)
		}
		return nil, err
	})
	if err == nil && cleanupErr != nil {
		err = &CleanupError{Err: cleanupErr}
	}
	if err != nil {
		return nil, &HandlerError{Event: req.Event, Err: err}
	}
	return res, nil
}

// runHook is callHook's body, on the VM.
func (r *Runtime) runHook(hs *hookSet, h hookFn, req *HookRequest, res *HookResult) error {
	vm := r.vm
	payload := goja.Undefined()
	if len(req.Payload) > 0 {
		v, err := hs.parse(goja.Undefined(), vm.ToValue(string(req.Payload)))
		if err != nil {
			return err
		}
		payload = v
	}
	v, err := h.fn(h.this, payload, r.hookRequestObject(req))
	if err != nil {
		return err
	}
	p := asPromise(v)
	if p != nil {
		r.mainPromise = p
	}
	if err := r.checkRejections(); err != nil {
		return err
	}
	if err := r.drive(); err != nil {
		return err
	}
	if p != nil {
		switch p.State() {
		case goja.PromiseStateRejected:
			return &thrownError{value: p.Result()}
		case goja.PromiseStatePending:
			return &ScriptError{Kind: "Uncaught", Name: "Error", Message: "the handler's promise never settled: it waited for something that nothing will finish"}
		}
		v = p.Result()
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); !isFn {
			s, err := r.stringify(o)
			if err != nil {
				return err
			}
			res.Body = []byte(s)
		}
	}
	return nil
}

// stringify is JSON.stringify(v) as the script sees it.
func (r *Runtime) stringify(v goja.Value) (string, error) {
	j, _ := r.vm.Get("JSON").(*goja.Object)
	if j == nil {
		return "", errors.New("JSON is missing")
	}
	fn, ok := goja.AssertFunction(j.Get("stringify"))
	if !ok {
		return "", errors.New("JSON.stringify is missing")
	}
	out, err := fn(j, v)
	if err != nil {
		return "", err
	}
	if goja.IsUndefined(out) {
		return "null", nil
	}
	return out.String(), nil
}

// hookRequestObject is the handler's second argument: {event, path, headers}.
func (r *Runtime) hookRequestObject(req *HookRequest) *goja.Object {
	vm := r.vm
	o := vm.NewObject()
	_ = o.Set("event", req.Event)
	_ = o.Set("path", req.Path)
	hdr := vm.NewObject()
	names := make([]string, 0, len(req.Headers))
	for k := range req.Headers {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		_ = hdr.Set(strings.ToLower(k), strings.Join(req.Headers[k], ", "))
	}
	_ = o.Set("headers", hdr)
	return o
}
