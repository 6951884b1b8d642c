package jsdaktela

import (
	"context"
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

//go:embed js/exceptions.js
var exceptionsSource string

// embeddedPrefix names the module's own JS sources in stack frames; frames from them
// are left out of the stacks the module writes.
const embeddedPrefix = "<daktela>/"

// exceptionsProgram is compiled once per process; a goja Program may run in any runtime.
var exceptionsProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile(embeddedPrefix+"exceptions.js", exceptionsSource, true)
})

// exceptionClasses are the exception constructors of one runtime.
type exceptionClasses struct {
	request, notFound, rateLimit, unknownType *goja.Object
}

// runFactory runs one of the module's embedded programs, whose value is a function
// that builds its classes in this runtime, and returns what that function returns.
func (in *instance) runFactory(p *goja.Program) *goja.Object {
	v, err := in.vm.RunProgram(p)
	must(err)
	factory, _ := goja.AssertFunction(v)
	res, err := factory(goja.Undefined())
	must(err)
	return res.ToObject(in.vm)
}

func (in *instance) newExceptionClasses() exceptionClasses {
	o := in.runFactory(exceptionsProgram())
	return exceptionClasses{
		request:     o.Get("RequestException").ToObject(in.vm),
		notFound:    o.Get("NotFoundException").ToObject(in.vm),
		rateLimit:   o.Get("RateLimitException").ToObject(in.vm),
		unknownType: o.Get("UnknownRequestTypeException").ToObject(in.vm),
	}
}

func (e exceptionClasses) export(ex *goja.Object) {
	ex.Set("RequestException", e.request)
	ex.Set("NotFoundException", e.notFound)
	ex.Set("RateLimitException", e.rateLimit)
	ex.Set("UnknownRequestTypeException", e.unknownType)
}

// newException constructs an exception of class ctor and points its stack at frames (the
// script's call stack when the failing call was made; nil: the current stack).
func (in *instance) newException(ctor *goja.Object, frames []goja.StackFrame, msg string, code int, errs goja.Value, body string, retryAfter int) *goja.Object {
	vm := in.vm
	if errs == nil {
		errs = vm.NewArray()
	}
	bodyV := goja.Null()
	if body != "" {
		bodyV = vm.ToValue(body)
	}
	// An Error made by the built-in constructor from here carries the script's stack
	// (not frames of a JS class constructor), and is then given the class's prototype;
	// the fields are those the class constructor sets (js/exceptions.js).
	o, err := vm.New(in.errorCtor, vm.ToValue(msg))
	must(err)
	must(o.SetPrototype(ctor.Get("prototype").ToObject(vm)))
	must(o.Set("code", code))
	must(o.Set("errors", errs))
	must(o.DefineDataProperty("responseBody", bodyV, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	if ctor == in.exc.rateLimit {
		must(o.Set("retryAfterSeconds", retryAfter))
	}
	if frames == nil {
		frames = vm.CaptureCallStack(0, nil)
	}
	name := ctor.Get("name").String()
	must(o.DefineDataProperty("stack", vm.ToValue(formatStack(name, msg, frames)), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	return o
}

// formatStack writes a Node-like stack: "Name: message" and one "    at" line per script
// frame, leaving out native frames and the module's own sources.
func formatStack(name, msg string, frames []goja.StackFrame) string {
	var b strings.Builder
	b.WriteString(name)
	if msg != "" {
		b.WriteString(": ")
		b.WriteString(msg)
	}
	for i := range frames {
		f := &frames[i]
		src := f.SrcName()
		if src == "" || src == "<native>" || strings.HasPrefix(src, embeddedPrefix) {
			continue
		}
		p := f.Position()
		if p.Filename != "" {
			src = p.Filename // the original file of a transformed one (source-mapped)
		}
		b.WriteString("\n    at ")
		loc := src + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
		if fn := f.FuncName(); fn != "" && fn != "<anonymous>" {
			b.WriteString(fn)
			b.WriteString(" (")
			b.WriteString(loc)
			b.WriteString(")")
		} else {
			b.WriteString(loc)
		}
	}
	return b.String()
}

// errorValue turns an error from the Go client into the value to throw or reject with:
// the matching exception class (found with errors.As), a GoError for a cancelled run
// (so the runtime sees the interruption), and a TypeError for a request-building mistake.
func (in *instance) errorValue(err error, frames []goja.StackFrame) goja.Value {
	var (
		ut *daktela.UnknownRequestTypeError
		rl *daktela.RateLimitError
		nf *daktela.NotFoundError
		re *daktela.RequestError
		ae *daktela.ArgumentError
	)
	switch {
	case errors.As(err, &ut):
		return in.newException(in.exc.unknownType, frames, goMessage(err), 500, nil, "", 0)
	case errors.As(err, &ae):
		return in.vm.NewTypeError(goMessage(err))
	case errors.As(err, &rl):
		return in.requestException(in.exc.rateLimit, rl.RequestError, err, frames, rl.RetryAfterSeconds())
	case errors.As(err, &nf):
		return in.requestException(in.exc.notFound, nf.RequestError, err, frames, 0)
	case errors.As(err, &re):
		if re.Status == 0 && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) && in.host.Context().Err() != nil {
			return in.vm.NewGoError(err)
		}
		return in.requestException(in.exc.request, re, err, frames, 0)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return in.vm.NewGoError(err)
	}
	return in.newException(in.exc.request, frames, goMessage(err), 0, nil, "", 0)
}

func (in *instance) requestException(ctor *goja.Object, re *daktela.RequestError, err error, frames []goja.StackFrame, retryAfter int) *goja.Object {
	var errs goja.Value
	body := ""
	if re != nil {
		if raw := re.Errors.Raw(); len(raw) > 0 {
			errs = jsonToJS(in.vm, raw)
		}
		if re.Response != nil {
			body = string(re.Response.Body())
		}
	}
	code := 0
	if re != nil {
		code = re.Status
	}
	return in.newException(ctor, frames, goMessage(err), code, errs, body, retryAfter)
}

// throw throws err as errorValue describes.
func (in *instance) throw(err error) {
	panic(in.errorValue(err, nil))
}
