package jsdaktela

import (
	"math"
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// maxValueDepth bounds how deeply nested a value given to the module may be.
const maxValueDepth = 64

// jsonValue converts argument i to what the daktela package takes as a JSON value:
// nil, bool, int64, float64, string, []any and map[string]any. NaN, Infinity,
// functions, symbols, BigInts and cycles throw a TypeError naming the method and the
// path inside the argument (e.g. "addAttribute: value.tags[2] must be a JSON value,
// got NaN"). Objects with a toJSON method (Date) are converted as JSON.stringify would.
func jsonValue(a bindings.Args, i int, name string) any {
	if i >= a.Len() {
		a.Throw("missing argument %s (a JSON value)", name)
	}
	var seen []*goja.Object
	return toJSONValue(a, a.Value(i), name, &seen)
}

func toJSONValue(a bindings.Args, v goja.Value, path string, seen *[]*goja.Object) any {
	switch {
	case v == nil || goja.IsUndefined(v):
		a.Fail(path, "a JSON value", v)
	case goja.IsNull(v):
		return nil
	case goja.IsString(v):
		return v.String()
	case goja.IsNumber(v):
		f := v.ToFloat()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			a.Fail(path, "a JSON value", v)
		}
		if n, ok := bindings.IntOf(v); ok {
			return n
		}
		return f
	}
	if b, ok := bindings.BoolOf(v); ok {
		return b
	}
	o, ok := v.(*goja.Object)
	if !ok {
		a.Fail(path, "a JSON value", v) // symbol, BigInt
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		a.Fail(path, "a JSON value", v)
	}
	if toJSON, ok := goja.AssertFunction(o.Get("toJSON")); ok {
		r, err := toJSON(o)
		if err != nil {
			panic(err)
		}
		if r2, ok := r.(*goja.Object); ok && r2 == o {
			a.Fail(path, "a JSON value", v)
		}
		return toJSONValue(a, r, path, seen)
	}
	for _, s := range *seen {
		if s == o {
			a.Throw("%s contains itself (a cycle cannot be sent as JSON)", path)
		}
	}
	if len(*seen) >= maxValueDepth {
		a.Throw("%s is nested more than %d levels deep", path, maxValueDepth)
	}
	*seen = append(*seen, o)
	defer func() { *seen = (*seen)[:len(*seen)-1] }()

	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		out := make([]any, n)
		for j := 0; j < n; j++ {
			e := o.Get(strconv.Itoa(j))
			if e == nil || goja.IsUndefined(e) {
				continue // JSON.stringify writes undefined array items as null
			}
			out[j] = toJSONValue(a, e, path+"["+strconv.Itoa(j)+"]", seen)
		}
		return out
	}
	keys := o.Keys()
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		e := o.Get(k)
		if e == nil || goja.IsUndefined(e) {
			continue // as JSON.stringify
		}
		out[k] = toJSONValue(a, e, path+"."+k, seen)
	}
	return out
}

// filterValue checks argument i of addFilter: a string, a number, a boolean, null (for
// isnull and isnotnull, where it may also be left out) or an array of strings and numbers.
func filterValue(a bindings.Args, i int, operator string) any {
	const want = "a string, a number, a boolean or an array of strings"
	if !a.Has(i) {
		switch strings.ToLower(operator) {
		case "isnull", "isnotnull", "isempty", "isnotempty":
			return nil
		}
		if i >= a.Len() {
			a.Throw("missing argument value (%s)", want)
		}
		a.Fail("value", want, a.Value(i))
	}
	v := a.Value(i)
	if o, ok := v.(*goja.Object); ok {
		if o.ClassName() != "Array" {
			a.Fail("value", want, v)
		}
		n := int(o.Get("length").ToInteger())
		out := make([]any, n)
		for j := 0; j < n; j++ {
			e := o.Get(strconv.Itoa(j))
			switch {
			case goja.IsString(e):
				out[j] = e.String()
			case goja.IsNumber(e):
				if n, ok := bindings.IntOf(e); ok {
					out[j] = n
				} else if f := e.ToFloat(); !math.IsNaN(f) && !math.IsInf(f, 0) {
					out[j] = f
				} else {
					a.Fail("value["+strconv.Itoa(j)+"]", "a string or a number", e)
				}
			default:
				a.Fail("value["+strconv.Itoa(j)+"]", "a string or a number", e)
			}
		}
		return out
	}
	switch {
	case goja.IsString(v):
		return v.String()
	case goja.IsNumber(v):
		if n, ok := bindings.IntOf(v); ok {
			return n
		}
		if f := v.ToFloat(); !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
	}
	if b, ok := bindings.BoolOf(v); ok {
		return b
	}
	a.Fail("value", want, v)
	return nil
}

// checkOperator throws when the daktela package does not know operator.
func checkOperator(a bindings.Args, operator string) {
	if err := daktela.CheckOperator(operator); err != nil {
		// The Go message already reads "addFilter: operator must be one of ...".
		panic(a.VM.NewTypeError(a.Method + strings.TrimPrefix(goMessage(err), "addFilter")))
	}
}

// goMessage returns a Go error's message without the package prefix, for a message
// that starts with the JS method name instead.
func goMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "daktela: ")
}
