package jsdaktela

import (
	"bytes"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// How records and raw JSON reach JS. The records are meant to be jsrecords' lazy views
// (key order, identity, mutability at a fraction of JSON.parse's cost); until that
// package lands they are parsed with the VM's JSON.parse, which gives the same
// semantics, only slower.

// recordList returns recs as a JS array of records.
func recordList(vm *goja.Runtime, recs []daktela.Record) *goja.Object {
	if len(recs) == 0 {
		return vm.NewArray()
	}
	n := 2
	for _, r := range recs {
		n += len(r) + 1
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteByte('[')
	for i, r := range recs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(r)
	}
	b.WriteByte(']')
	return jsonToJS(vm, b.Bytes()).(*goja.Object)
}

// recordValue returns one record as a JS object (null for an empty record).
func recordValue(vm *goja.Runtime, rec daktela.Record) goja.Value {
	if len(rec) == 0 {
		return goja.Null()
	}
	return jsonToJS(vm, rec)
}

// jsonToJS parses raw JSON into JS values.
func jsonToJS(vm *goja.Runtime, raw []byte) goja.Value {
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	v, err := parse(goja.Undefined(), vm.ToValue(string(raw)))
	if err != nil {
		panic(err)
	}
	return v
}
