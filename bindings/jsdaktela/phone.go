package jsdaktela

import (
	"errors"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// buildPhone makes daktela.Phone: normalize(number, {country}) returns the number in
// E.164 form ("+420226211245"), null for null, undefined or a blank string, and throws a
// TypeError naming the number for text that is no phone number (daktela.NormalizePhone).
func (in *instance) buildPhone() *goja.Object {
	vm := in.vm
	o := vm.NewObject()
	in.setFn(o, "normalize", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "Phone.normalize"}
		if a.Len() == 0 {
			a.Throw("missing argument number (a string, or null)")
		}
		country := ""
		if opts := a.OptObject(1, "options"); opts != nil {
			for _, k := range opts.Keys() {
				if k != "country" {
					a.Throw("unknown option %q (the options are: country)", k)
				}
			}
			if v := opts.Get("country"); v != nil && !goja.IsUndefined(v) {
				if !goja.IsString(v) {
					a.Fail("options.country", `an ISO 3166 region code such as "CZ"`, v)
				}
				country = v.String()
			}
		}
		if !a.Has(0) {
			return goja.Null() // null or undefined: nothing to normalise
		}
		number := a.String(0, "number")
		e164, err := daktela.NormalizePhone(number, country)
		var ae *daktela.ArgumentError
		switch {
		case errors.As(err, &ae):
			a.Fail("options.country", ae.Want, vm.ToValue(country))
		case err != nil:
			a.Throw("%s", err.Error())
		case e164 == "":
			return goja.Null()
		}
		return vm.ToValue(e164)
	})
	return o
}
