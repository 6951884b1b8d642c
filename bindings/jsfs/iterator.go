package jsfs

import (
	"github.com/dop251/goja"
)

// NewIterator returns a JavaScript iterator that is also iterable, so for...of, spread
// and Array.from work on it. Each next() calls next, which returns the next value or
// done; next may throw, after releasing what it holds. return() (what for...of calls on
// break or on an exception in the loop body) and close() call stop, which must be safe
// to call more than once.
func NewIterator(vm *goja.Runtime, next func() (v goja.Value, done bool), stop func()) *goja.Object {
	it := vm.NewObject()
	finished := false
	result := func(v goja.Value, done bool) goja.Value {
		r := vm.NewObject()
		_ = r.Set("value", v)
		_ = r.Set("done", done)
		return r
	}
	_ = it.Set("next", func(goja.FunctionCall) goja.Value {
		if finished {
			return result(goja.Undefined(), true)
		}
		v, done := next()
		if done {
			finished = true
			stop()
			return result(goja.Undefined(), true)
		}
		return result(v, false)
	})
	end := func(call goja.FunctionCall) goja.Value {
		finished = true
		stop()
		return result(call.Argument(0), true)
	}
	_ = it.Set("return", end)
	_ = it.Set("close", func(call goja.FunctionCall) goja.Value {
		end(call)
		return goja.Undefined()
	})
	_ = it.SetSymbol(goja.SymIterator, func(call goja.FunctionCall) goja.Value { return call.This })
	return it
}
