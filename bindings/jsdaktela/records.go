package jsdaktela

import (
	"github.com/dkscript/dkscript/bindings/jsrecords"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// How records and raw JSON reach JS: as jsrecords' lazy views, which keep the server's
// key order, identity (recs[0] === recs[0]) and the script's changes, and read the index
// the Go client built when it parsed the page, so no byte is scanned twice.

// responseData returns a response's data: an array for a list, the record for a single
// read, create or update, null when there is none.
func responseData(vm *goja.Runtime, r *daktela.Response) goja.Value {
	if r.IsList() {
		return jsrecords.NewResponseList(vm, r)
	}
	return jsrecords.NewResponseRecord(vm, r)
}

// pageRecords returns recs, all or the first records of page r, as a JS array.
func pageRecords(vm *goja.Runtime, r *daktela.Response, recs []daktela.Record) *goja.Object {
	if len(recs) == len(r.Records()) {
		return jsrecords.NewResponseList(vm, r)
	}
	return jsrecords.NewList(vm, recs)
}

// recordList returns recs as a JS array of records.
func recordList(vm *goja.Runtime, recs []daktela.Record) *goja.Object {
	return jsrecords.NewList(vm, recs)
}

// recordValue returns one record as a JS object (null for none).
func recordValue(vm *goja.Runtime, rec daktela.Record) goja.Value {
	if len(rec) == 0 {
		return goja.Null()
	}
	return jsonToJS(vm, rec)
}

// jsonToJS converts raw JSON from the server to JS values.
func jsonToJS(vm *goja.Runtime, raw []byte) goja.Value {
	v, err := jsrecords.FromJSON(vm, raw)
	if err != nil {
		panic(vm.NewTypeError("daktela: the server sent " + err.Error()))
	}
	return v
}
