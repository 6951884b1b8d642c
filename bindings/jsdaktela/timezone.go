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
		a := bindings.Args{VM: vm, Call: call, Method: "setTimezone"}
		var loc *time.Location
		if !goja.IsNull(v) {
			name := a.String(0, "timezone")
			var err error
			loc, err = time.LoadLocation(name)
			if err != nil || name == "" || name == "Local" {
				a.Fail("timezone", `an IANA time zone name such as "Europe/Prague" (or null)`, v)
			}
		}
		// A locked client keeps the zone its host set (the same zone again is no change).
		refuseLocked(c, a, zoneName(loc) != zoneName(c.Timezone()))
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

// zoneName is loc's name, "" for nil.
func zoneName(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	return loc.String()
}
