package jsfs

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// Arguments are checked with bindings.Args; options objects with the readers below.
// Both throw TypeErrors that name the function and the argument or option.

func isObject(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok
}

// stringArg returns argument i of call, which must be a string.
func stringArg(vm *goja.Runtime, call goja.FunctionCall, i int, fn, name string) string {
	a := bindings.Args{VM: vm, Call: call, Method: fn}
	if !goja.IsString(a.Value(i)) {
		a.Fail(name, "a string", a.Value(i))
	}
	return a.Value(i).String()
}

// optionsArg returns argument i of call as an options object, or nil when it is absent.
func optionsArg(vm *goja.Runtime, call goja.FunctionCall, i int, fn string) *goja.Object {
	return bindings.Args{VM: vm, Call: call, Method: fn}.OptObject(i, "options")
}

// boolOption reads a boolean option; absent means false.
func boolOption(vm *goja.Runtime, o *goja.Object, key, fn string) bool {
	if o == nil {
		return false
	}
	v := o.Get(key)
	if bindings.IsNullish(v) {
		return false
	}
	b, ok := bindings.BoolOf(v)
	if !ok {
		panic(vm.NewTypeError("%s", bindings.ArgMessage(fn, "option "+key, "a boolean", v)))
	}
	return b
}

// stringOption reads a string option; absent gives def.
func stringOption(vm *goja.Runtime, o *goja.Object, key, def, fn string) string {
	if o == nil {
		return def
	}
	v := o.Get(key)
	if bindings.IsNullish(v) {
		return def
	}
	if !goja.IsString(v) {
		panic(vm.NewTypeError("%s", bindings.ArgMessage(fn, "option "+key, "a string", v)))
	}
	return v.String()
}
