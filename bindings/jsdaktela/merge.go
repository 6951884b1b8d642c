package jsdaktela

import (
	"strconv"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// mergeMethods adds Client.merge and Client.whoami.
func (in *instance) mergeMethods(p *goja.Object) {
	vm := in.vm
	in.method(p, "merge", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "merge")
		a := bindings.Args{VM: vm, Call: call, Method: "merge"}
		model := a.String(0, "model")
		names := mergeNames(a)
		resp, err := ch.c.Merge(in.host.Context(), model, names)
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return in.newResponse(resp)
	})
	in.method(p, "whoami", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "whoami")
		resp, err := ch.c.Whoami(in.host.Context())
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return in.newResponse(resp)
	})
}

// mergeNames reads merge's second argument: an array of record names, each a string or
// a whole number (ticket names are numbers).
func mergeNames(a bindings.Args) []string {
	arr := a.Array(1, "names")
	n := a.Length(arr, "names")
	out := make([]string, n)
	for j := 0; j < n; j++ {
		v := arr.Get(strconv.Itoa(j))
		switch {
		case v != nil && goja.IsString(v):
			out[j] = v.String()
		case v != nil && goja.IsNumber(v):
			i, ok := bindings.IntOf(v)
			if !ok || i < 0 {
				a.Fail("names["+strconv.Itoa(j)+"]", "a record name (a string, or a ticket's number)", v)
			}
			out[j] = strconv.FormatInt(i, 10)
		default:
			a.Fail("names["+strconv.Itoa(j)+"]", "a record name (a string, or a ticket's number)", v)
		}
	}
	return out
}
