package jsdaktela

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// responseHandle is the Go state of a Response object: the Go response and the JS
// values made from it, each made once on first use (getData() returns the same array
// every time, so records keep their identity and the script's changes).
type responseHandle struct {
	props
	in   *instance
	r    *daktela.Response
	data goja.Value
	errs goja.Value
}

// responseKeys are the properties every Response has, besides the methods.
var responseKeys = []string{"data", "total", "errors", "httpStatus", "dryRun"}

func (h *responseHandle) getData() goja.Value {
	if h.data == nil {
		h.data = responseData(h.in.vm, h.r)
	}
	return h.data
}

func (h *responseHandle) getErrors() goja.Value {
	if h.errs == nil {
		if raw := h.r.Errors().Raw(); len(raw) > 0 {
			h.errs = jsonToJS(h.in.vm, raw)
		} else {
			h.errs = h.in.vm.NewArray()
		}
	}
	return h.errs
}

// Get serves the fixed properties, then whatever the script set.
func (h *responseHandle) Get(key string) goja.Value {
	switch key {
	case "data":
		return h.getData()
	case "total":
		return h.in.vm.ToValue(h.r.Total())
	case "errors":
		return h.getErrors()
	case "httpStatus":
		return h.in.vm.ToValue(h.r.HTTPStatus())
	case "dryRun":
		return h.in.vm.ToValue(h.r.DryRun())
	}
	return h.props.Get(key)
}

// Set refuses to change the fixed properties.
func (h *responseHandle) Set(key string, v goja.Value) bool {
	for _, k := range responseKeys {
		if k == key {
			return false
		}
	}
	return h.props.Set(key, v)
}

// Has reports the fixed properties and the script's.
func (h *responseHandle) Has(key string) bool {
	for _, k := range responseKeys {
		if k == key {
			return true
		}
	}
	return h.props.Has(key)
}

// Delete refuses to delete the fixed properties.
func (h *responseHandle) Delete(key string) bool {
	for _, k := range responseKeys {
		if k == key {
			return false
		}
	}
	return h.props.Delete(key)
}

// Keys lists the fixed properties, then the script's.
func (h *responseHandle) Keys() []string {
	if len(h.props.keys) == 0 {
		return responseKeys
	}
	return append(append([]string(nil), responseKeys...), h.props.keys...)
}

// newResponse returns the JS Response for r.
func (in *instance) newResponse(r *daktela.Response) *goja.Object {
	return in.wrap(&responseHandle{in: in, r: r}, in.responseProto)
}

func (in *instance) responseThis(call goja.FunctionCall, method string) *responseHandle {
	if o, ok := call.This.(*goja.Object); ok {
		if h, ok := bindings.GoValue(o).(*responseHandle); ok {
			return h
		}
	}
	panic(in.vm.NewTypeError("Response." + method + ": called on something that is not a daktela.Response"))
}

// buildResponseClass makes daktela.Response (for instanceof; responses come from
// execute) and its methods.
func (in *instance) buildResponseClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.responseProto = p
	in.method(p, "getData", func(call goja.FunctionCall) goja.Value {
		return in.responseThis(call, "getData").getData()
	})
	in.method(p, "getTotal", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.responseThis(call, "getTotal").r.Total())
	})
	in.method(p, "getErrors", func(call goja.FunctionCall) goja.Value {
		return in.responseThis(call, "getErrors").getErrors()
	})
	in.method(p, "getHttpStatus", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.responseThis(call, "getHttpStatus").r.HTTPStatus())
	})
	in.method(p, "isSuccess", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.responseThis(call, "isSuccess").r.IsSuccess())
	})
	in.method(p, "hasErrors", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.responseThis(call, "hasErrors").r.HasErrors())
	})
	in.method(p, "getFirstError", func(call goja.FunctionCall) goja.Value {
		if s := in.responseThis(call, "getFirstError").r.FirstError(); s != "" {
			return vm.ToValue(s)
		}
		return goja.Null()
	})
	in.method(p, "isEmpty", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.responseThis(call, "isEmpty").r.IsEmpty())
	})
	in.method(p, "isDryRun", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.responseThis(call, "isDryRun").r.DryRun())
	})
	in.method(p, "getSkipped", func(call goja.FunctionCall) goja.Value {
		return in.skippedPages(in.responseThis(call, "getSkipped").r.Skipped())
	})
	in.method(p, "getTime", func(call goja.FunctionCall) goja.Value {
		if s := in.responseThis(call, "getTime").r.Time(); s != "" {
			return vm.ToValue(s)
		}
		return goja.Null()
	})
	in.method(p, "getTimezone", func(call goja.FunctionCall) goja.Value {
		if s := in.responseThis(call, "getTimezone").r.Timezone(); s != "" {
			return vm.ToValue(s)
		}
		return goja.Null()
	})
	return in.class("Response", p, in.noConstruct("Response", "client.execute"))
}

// skippedPages turns the pages a read skipped (setSkipErrorRequests, stopOnError: false)
// into [{skip, take, error}], error being the failure's message.
func (in *instance) skippedPages(pages []daktela.PageError) goja.Value {
	out := make([]any, len(pages))
	for i, p := range pages {
		o := in.vm.NewObject()
		o.Set("skip", p.Skip)
		o.Set("take", p.Take)
		msg := ""
		if p.Err != nil {
			msg = goMessage(p.Err)
		}
		o.Set("error", msg)
		out[i] = o
	}
	return in.vm.NewArray(out...)
}
