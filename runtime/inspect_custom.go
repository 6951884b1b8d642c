package runtime

import (
	"github.com/dop251/goja"
)

// customInspectKey is Node's util.inspect.custom symbol, Symbol.for(customInspectKey).
const customInspectKey = "nodejs.util.inspect.custom"

// customSymbol returns Symbol.for("nodejs.util.inspect.custom"), looked up once with the
// built-in Symbol.for.
func (r *Runtime) customSymbol() *goja.Symbol {
	if r.inspectSym == nil {
		v, err := r.vm.RunString(`Symbol.for("` + customInspectKey + `")`)
		if err != nil {
			return nil
		}
		r.inspectSym, _ = v.(*goja.Symbol)
	}
	return r.inspectSym
}

// custom formats obj through its [util.inspect.custom](depth, options) method, as Node
// does: a string it returns is printed as it is, another value is printed in obj's
// place (an object without calling its own custom method again). ok is false when obj
// has no such method, or the method threw (obj is then printed as it is).
func (in *inspector) custom(obj *goja.Object, recurseTimes int) (s string, ok bool) {
	sym := in.r.customSymbol()
	if sym == nil {
		return "", false
	}
	fn, isFn := goja.AssertFunction(obj.GetSymbol(sym))
	if !isFn {
		return "", false
	}
	vm := in.r.vm
	opts := vm.NewObject()
	_ = opts.Set("depth", in.opts.depth)
	_ = opts.Set("colors", in.opts.colors)
	res, err := fn(obj, vm.ToValue(recurseTimes), opts)
	if err != nil {
		return "", false
	}
	if ro, isObj := res.(*goja.Object); isObj {
		if ro == obj {
			return "", false
		}
		return in.formatRaw(ro, recurseTimes), true
	}
	if goja.IsString(res) {
		return res.String(), true
	}
	return in.formatPrimitive(res), true
}
