package jsdaktela

import (
	"strings"

	"github.com/dop251/goja"
)

// addInspect gives proto Node's util.inspect.custom method, so console.log and
// util.inspect show a request's or client's state (what the getters give, empty values
// left out) instead of an empty {}. The getters never give a token.
func (in *instance) addInspect(proto *goja.Object, getters ...string) {
	vm := in.vm
	v, err := vm.RunString(`Symbol.for("nodejs.util.inspect.custom")`)
	if err != nil {
		return
	}
	sym, ok := v.(*goja.Symbol)
	if !ok {
		return
	}
	fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		this, ok := call.This.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		out := vm.NewObject()
		_ = out.SetPrototype(this.Prototype())
		for _, g := range getters {
			f, ok := goja.AssertFunction(this.Get(g))
			if !ok {
				continue
			}
			v, err := f(this)
			if err != nil || emptyState(vm, v) {
				continue
			}
			key := strings.TrimPrefix(strings.TrimPrefix(g, "get"), "is")
			_ = out.Set(strings.ToLower(key[:1])+key[1:], v)
		}
		return out
	})
	_ = proto.DefineDataPropertySymbol(sym, fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// emptyState reports whether a getter's value says nothing worth printing: undefined,
// null, "", false, an empty array, a filter group without filters or an object without
// own keys.
func emptyState(vm *goja.Runtime, v goja.Value) bool {
	switch {
	case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
		return true
	case goja.IsString(v):
		return v.String() == ""
	}
	if b, ok := v.Export().(bool); ok {
		return !b
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return true
		}
		if l := o.Get("length"); o.ClassName() == "Array" && l != nil {
			return l.ToInteger() == 0
		}
		if fs, ok := o.Get("filters").(*goja.Object); ok && fs.ClassName() == "Array" {
			return fs.Get("length").ToInteger() == 0 // a filter group with no filters
		}
		return len(o.Keys()) == 0
	}
	return false
}
