package jsdaktela

import (
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// timezoneMethods adds ApiCommunicator.setTimezone and getTimezone.
func (in *instance) timezoneMethods(p *goja.Object) {
	vm := in.vm
	in.method(p, "setTimezone", func(call goja.FunctionCall) goja.Value {
		h := in.commThis(call, "setTimezone")
		c := h.ch.c.ApiCommunicator()
		v := call.Argument(0)
		if goja.IsNull(v) {
			c.SetTimezone(nil)
			return call.This
		}
		a := bindings.Args{VM: vm, Call: call, Method: "setTimezone"}
		name := a.String(0, "timezone")
		loc, err := time.LoadLocation(name)
		if err != nil || name == "" || name == "Local" {
			a.Fail("timezone", `an IANA time zone name such as "Europe/Prague" (or null)`, v)
		}
		c.SetTimezone(loc)
		return call.This
	})
	in.method(p, "getTimezone", func(call goja.FunctionCall) goja.Value {
		if loc := in.commThis(call, "getTimezone").ch.c.ApiCommunicator().Timezone(); loc != nil {
			return vm.ToValue(loc.String())
		}
		return goja.Null()
	})
}
