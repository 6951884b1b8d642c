package jsdaktela

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// buildFormatHelper makes daktela.FormatHelper over the Go helper:
// getNormalizedPhoneNumber(number, plusSign = false, intlPrefix = "420", intlLength = 12)
// returns the normalised number, or null for null (as PHP).
func (in *instance) buildFormatHelper() *goja.Object {
	vm := in.vm
	o := vm.NewObject()
	in.setFn(o, "getNormalizedPhoneNumber", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "getNormalizedPhoneNumber"}
		if !a.Has(0) {
			if a.Len() == 0 {
				a.Throw("missing argument number (a string, or null)")
			}
			return goja.Null()
		}
		var number string
		if v := a.Value(0); goja.IsNumber(v) {
			// A number typed without quotes: PHP would have turned it into its digits.
			n, ok := bindings.IntOf(v)
			if !ok || n < 0 {
				a.Fail("number", "a string, or null", v)
			}
			number = v.String()
		} else {
			number = a.String(0, "number")
		}
		plus := a.OptBool(1, "plusSign", false)
		prefix := a.OptString(2, "intlPrefix", daktela.DefaultIntlPrefix)
		length := a.OptInt(3, "intlLength", daktela.DefaultIntlLength)
		if length < 0 || length > 1000 {
			a.Fail("intlLength", "an integer from 0 to 1000", a.Value(3))
		}
		return vm.ToValue(daktela.GetNormalizedPhoneNumber(number, plus, prefix, int(length)))
	})
	return o
}
