package jsdaktela

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// chunk is daktela.chunk(list, n): the elements of the array list, in order, in arrays
// of at most n (the last one may be shorter; none for an empty list). A read filtered on
// more values than one URL can carry is sent once per part.
func (in *instance) chunk(call goja.FunctionCall) goja.Value {
	vm := in.vm
	a := bindings.Args{VM: vm, Call: call, Method: "daktela.chunk"}
	list := a.Array(0, "list")
	size := a.Int(1, "n")
	if size < 1 {
		a.Fail("n", "an integer of 1 or more", a.Value(1))
	}
	length := a.Length(list, "list")
	parts := make([]any, 0, (int64(length)+size-1)/size)
	for start := 0; start < length; start += int(size) {
		end := min(start+int(size), length)
		part := make([]any, 0, end-start)
		for i := start; i < end; i++ {
			part = append(part, list.Get(itoa(i)))
		}
		parts = append(parts, vm.NewArray(part...))
	}
	return vm.NewArray(parts...)
}
