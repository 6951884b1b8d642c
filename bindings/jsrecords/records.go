package jsrecords

import (
	"fmt"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/rawjson"
	"github.com/dop251/goja"
)

// NewResponseList returns a JS array of lazy objects over the records of a list response,
// reading the index daktela built when it parsed each page, so nothing is scanned again.
// An empty or non-list response gives an empty array.
func NewResponseList(vm *goja.Runtime, resp *daktela.Response) *goja.Object {
	return NewResponseSlice(vm, resp, 0, len(resp.Records()))
}

// NewResponseSlice is [NewResponseList] for the records [start, end) of a list response
// (clamped to the records there are).
func NewResponseSlice(vm *goja.Runtime, resp *daktela.Response, start, end int) *goja.Object {
	all := resp.Records()
	end = min(max(end, 0), len(all))
	start = min(max(start, 0), end)
	recs := all[start:end]
	c := newConverter(vm)
	views := make([]view, len(recs))
	items := make([]any, len(recs))
	for i, rec := range recs {
		ix, node, ok := resp.IndexedRecord(start + i)
		if !ok {
			views[i] = view{c: c, raw: rec}
			items[i] = vm.NewDynamicObject(&views[i])
			continue
		}
		if ix.Kind(node) != rawjson.KindObject {
			items[i] = c.convert(ix, node, nil, 0)
			continue
		}
		views[i] = view{c: c, ix: ix, node: int32(node)}
		items[i] = vm.NewDynamicObject(&views[i])
	}
	return vm.NewArray(items...)
}

// NewResponseRecord returns the record of a single read, create or update response as a
// lazy object (null when there is none).
func NewResponseRecord(vm *goja.Runtime, resp *daktela.Response) goja.Value {
	if ix, node, ok := resp.IndexedResult(); ok {
		return FromIndex(vm, ix, node)
	}
	if rec := resp.Record(); rec != nil {
		if v, err := NewRecord(vm, rec); err == nil {
			return v
		}
	}
	return goja.Null()
}

// NewList returns a JS array of lazy objects over records given as bytes. Each record is
// indexed when the script first touches it; one that is not a valid JSON object throws a
// TypeError then. Prefer [NewResponseList] for a response: it skips that scan.
func NewList(vm *goja.Runtime, recs []daktela.Record) *goja.Object {
	c := newConverter(vm)
	views := make([]view, len(recs))
	items := make([]any, len(recs))
	for i, rec := range recs {
		views[i] = view{c: c, raw: rec}
		items[i] = vm.NewDynamicObject(&views[i])
	}
	return vm.NewArray(items...)
}

// NewRecord returns one record as a lazy object, or an error when it is not valid JSON.
func NewRecord(vm *goja.Runtime, rec daktela.Record) (goja.Value, error) {
	return FromJSON(vm, rec)
}

// FromJSON converts any JSON value (an error member, a nested document, a whole answer) to
// JS: objects become lazy objects, arrays real arrays, scalars their JS values. The error
// names the offset where raw stops being valid JSON.
func FromJSON(vm *goja.Runtime, raw []byte) (goja.Value, error) {
	ix, err := rawjson.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	return FromIndex(vm, ix, ix.Root()), nil
}

// FromIndex converts node n of a parsed document to JS, as [FromJSON].
func FromIndex(vm *goja.Runtime, ix *rawjson.Index, n int) goja.Value {
	return newConverter(vm).convert(ix, n, nil, 0)
}

// Raw returns the JSON text an object made by this package was built from, when the
// script has not changed it (no write, add or delete on it; nested objects are not
// checked). ok is false for other values.
func Raw(obj *goja.Object) (raw []byte, ok bool) {
	if obj == nil {
		return nil, false
	}
	v, isView := bindings.GoValue(obj).(*view)
	if !isView || v.own != nil || v.dirty {
		return nil, false
	}
	if v.ix == nil {
		return v.raw, true
	}
	return v.ix.Raw(int(v.node)), true
}
