package jsfs

import (
	"github.com/dop251/goja"
)

// These are small argument checks local to this package; they throw TypeErrors that
// name the function and the argument, so a script author sees what was wrong.

// typeOf names the JavaScript type of v for error messages.
func typeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, ok := goja.AssertFunction(o); ok {
			return "function"
		}
		if c := o.ClassName(); c != "Object" {
			return c
		}
		return "object"
	}
	switch v.ExportType().Kind().String() {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "int64", "float64", "int", "uint64":
		return "number"
	}
	return v.ExportType().String()
}

// isString reports whether v is a JS string primitive.
func isString(v goja.Value) bool {
	if v == nil {
		return false
	}
	_, ok := v.Export().(string)
	return ok && !isObject(v)
}

func isObject(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok
}

func absent(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// stringArg returns argument i of call, which must be a string.
func stringArg(vm *goja.Runtime, call goja.FunctionCall, i int, fn, name string) string {
	v := call.Argument(i)
	if !isString(v) {
		panic(vm.NewTypeError("%s: %s must be a string, got %s", fn, name, typeOf(v)))
	}
	return v.String()
}

// optionsArg returns argument i of call as an options object, or nil when it is absent.
func optionsArg(vm *goja.Runtime, call goja.FunctionCall, i int, fn string) *goja.Object {
	v := call.Argument(i)
	if absent(v) {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("%s: options must be an object, got %s", fn, typeOf(v)))
	}
	return o
}

// boolOption reads a boolean option; absent means false.
func boolOption(vm *goja.Runtime, o *goja.Object, key, fn string) bool {
	if o == nil {
		return false
	}
	v := o.Get(key)
	if absent(v) {
		return false
	}
	b, ok := v.Export().(bool)
	if !ok {
		panic(vm.NewTypeError("%s: option %s must be a boolean, got %s", fn, key, typeOf(v)))
	}
	return b
}

// stringOption reads a string option; absent gives def.
func stringOption(vm *goja.Runtime, o *goja.Object, key, def, fn string) string {
	if o == nil {
		return def
	}
	v := o.Get(key)
	if absent(v) {
		return def
	}
	if !isString(v) {
		panic(vm.NewTypeError("%s: option %s must be a string, got %s", fn, key, typeOf(v)))
	}
	return v.String()
}
