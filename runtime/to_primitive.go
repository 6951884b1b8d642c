package runtime

import "github.com/dop251/goja"

// installToPrimitive gives Object.prototype the [Symbol.toPrimitive] method that does
// what JavaScript's OrdinaryToPrimitive does: for the hint "string" the object's
// toString, then valueOf; for any other hint valueOf, then toString; the first that is a
// function returning a primitive wins. When neither does (an object or a Daktela record
// with a "toString" field holding a string), the TypeError says so as Node does,
// "Cannot convert object to primitive value", where goja's own message prints the
// object's Go structure and pointers. Objects with a [Symbol.toPrimitive] of their own
// (Date, Symbol) keep it. The method is not enumerable, as built-in methods are not.
func (r *Runtime) installToPrimitive() {
	vm := r.vm
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		if !ok {
			return call.This // called on a primitive: it is its own primitive
		}
		order := [2]string{"valueOf", "toString"}
		if h := call.Argument(0); goja.IsString(h) && h.String() == "string" {
			order = [2]string{"toString", "valueOf"}
		}
		for _, m := range order {
			f, ok := goja.AssertFunction(o.Get(m))
			if !ok {
				continue
			}
			v, err := f(o)
			if err != nil {
				panic(err)
			}
			if _, isObject := v.(*goja.Object); !isObject {
				return v
			}
		}
		panic(vm.NewTypeError("Cannot convert object to primitive value"))
	}).(*goja.Object)
	_ = fn.DefineDataProperty("name", vm.ToValue("[Symbol.toPrimitive]"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	proto := vm.Get("Object").(*goja.Object).Get("prototype").(*goja.Object)
	_ = proto.DefineDataPropertySymbol(goja.SymToPrimitive, fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}
