package jsdaktela

import (
	"math"
	"strconv"
	"strings"
	"time"

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
// got NaN"). A Date, at any depth, becomes the API's local date-time in loc (see
// apiDateTime); other objects with a toJSON method are converted as JSON.stringify would.
func jsonValue(a bindings.Args, i int, name string, loc *time.Location) any {
	if i >= a.Len() {
		a.Throw("missing argument %s (a JSON value)", name)
	}
	return toJSONValue(a, a.Value(i), name, &jsonWalk{}, loc)
}

// jsonWalk is the state of one argument's conversion: the objects being converted
// (to find cycles) and how many values it has taken so far, bounded by
// bindings.MaxArrayLength so that sparse arrays (length set to 2^32-1) in many places
// cannot add up to more memory than the machine has.
type jsonWalk struct {
	seen   []*goja.Object
	values int
}

// take counts n more values (array items or object members) for the value at path, and
// throws once the argument holds more than bindings.MaxArrayLength in all.
func (w *jsonWalk) take(a bindings.Args, path string, n int) {
	if w.values += n; w.values > bindings.MaxArrayLength {
		a.Throw("%s makes the value hold more than %d items in all", path, bindings.MaxArrayLength)
	}
}

func toJSONValue(a bindings.Args, v goja.Value, path string, seen *jsonWalk, loc *time.Location) any {
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
	if o.ClassName() == "Date" {
		return apiDateTime(a, o, path, loc)
	}
	if toJSON, ok := goja.AssertFunction(o.Get("toJSON")); ok {
		r, err := toJSON(o)
		if err != nil {
			panic(err)
		}
		if r2, ok := r.(*goja.Object); ok && r2 == o {
			a.Fail(path, "a JSON value", v)
		}
		return toJSONValue(a, r, path, seen, loc)
	}
	for _, s := range seen.seen {
		if s == o {
			a.Throw("%s contains itself (a cycle cannot be sent as JSON)", path)
		}
	}
	if len(seen.seen) >= maxValueDepth {
		a.Throw("%s is nested more than %d levels deep", path, maxValueDepth)
	}
	seen.seen = append(seen.seen, o)
	defer func() { seen.seen = seen.seen[:len(seen.seen)-1] }()

	if o.ClassName() == "Array" {
		n := a.Length(o, path)
		seen.take(a, path, n)
		out := make([]any, n)
		for j := 0; j < n; j++ {
			e := o.Get(strconv.Itoa(j))
			if e == nil || goja.IsUndefined(e) {
				continue // JSON.stringify writes undefined array items as null
			}
			out[j] = toJSONValue(a, e, path+"["+strconv.Itoa(j)+"]", seen, loc)
		}
		return out
	}
	keys := o.Keys()
	seen.take(a, path, len(keys))
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		e := o.Get(k)
		if e == nil || goja.IsUndefined(e) {
			continue // as JSON.stringify
		}
		out[k] = toJSONValue(a, e, path+"."+k, seen, loc)
	}
	return out
}

// filterValue checks argument i of addFilter: a string, a number, a boolean, a Date
// (sent as the API's local date-time in loc), null (for isnull and isnotnull, where it
// may also be left out) or an array of strings, numbers and Dates.
func filterValue(a bindings.Args, i int, operator string, loc *time.Location) any {
	const want = "a string, a number, a boolean, a Date or an array of strings"
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
		if o.ClassName() == "Date" {
			return apiDateTime(a, o, "value", loc)
		}
		if o.ClassName() != "Array" {
			a.Fail("value", want, v)
		}
		n := a.Length(o, "value")
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
			case isDate(e):
				out[j] = apiDateTime(a, e.(*goja.Object), "value["+strconv.Itoa(j)+"]", loc)
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

// apiDateLayout is how the API writes date-times: local time in the instance's zone,
// no zone given.
const apiDateLayout = "2006-01-02 15:04:05"

// apiDateTime turns the Date o into the API's "YYYY-MM-DD HH:MM:SS" in loc (whole
// seconds: the API has no fractions). JSON.stringify's ISO form in UTC is refused by
// the API (400), and its "Z" would be lost on a field read back as local time. An
// invalid Date throws, naming path.
func apiDateTime(a bindings.Args, o *goja.Object, path string, loc *time.Location) string {
	t, ok := o.Export().(time.Time)
	if !ok {
		a.Throw("%s is an invalid Date", path)
	}
	return t.In(loc).Format(apiDateLayout)
}

// isDate reports whether v is a JavaScript Date.
func isDate(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && o.ClassName() == "Date"
}
