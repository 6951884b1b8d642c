package bindings

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Args checks the arguments of one call from JavaScript into a Go function written as
// func(goja.FunctionCall) goja.Value. Every getter either returns the argument converted
// to a Go value or throws a JavaScript TypeError that names the method and the argument,
// e.g. `addIntAttribute: value must be an integer, got "a"`; goja reports it at the
// script line that made the call.
//
// Args is a small value type: build one per call on the stack, it does not allocate.
//
//	func(call goja.FunctionCall) goja.Value {
//		a := bindings.Args{VM: vm, Call: call, Method: "addFilter"}
//		field := a.String(0, "field")
//		...
//	}
type Args struct {
	VM     *goja.Runtime
	Call   goja.FunctionCall
	Method string // the JavaScript name used in messages, e.g. "addFilter"
}

// Len returns how many arguments were passed.
func (a Args) Len() int { return len(a.Call.Arguments) }

// Has reports whether argument i was passed and is neither undefined nor null.
func (a Args) Has(i int) bool {
	if i >= len(a.Call.Arguments) {
		return false
	}
	return !IsNullish(a.Call.Arguments[i])
}

// Value returns argument i (undefined when missing).
func (a Args) Value(i int) goja.Value { return a.Call.Argument(i) }

// Throw throws a TypeError "<Method>: <message>".
func (a Args) Throw(format string, args ...any) {
	panic(a.VM.NewTypeError(a.Method + ": " + fmt.Sprintf(format, args...)))
}

// Fail throws the TypeError for argument name, which must be want but is got:
// "<Method>: <name> must be <want>, got <got>".
func (a Args) Fail(name, want string, got goja.Value) {
	panic(a.VM.NewTypeError(ArgMessage(a.Method, name, want, got)))
}

// ArgMessage formats the message Args uses for a wrong argument:
// "<method>: <name> must be <want>, got <Describe(got)>".
func ArgMessage(method, name, want string, got goja.Value) string {
	return method + ": " + name + " must be " + want + ", got " + Describe(got)
}

// required returns argument i or throws "is missing".
func (a Args) required(i int, name, want string) goja.Value {
	if i >= len(a.Call.Arguments) {
		panic(a.VM.NewTypeError(a.Method + ": missing argument " + name + " (" + want + ")"))
	}
	return a.Call.Arguments[i]
}

// String returns argument i, which must be a string.
func (a Args) String(i int, name string) string {
	v := a.required(i, name, "a string")
	if !goja.IsString(v) {
		a.Fail(name, "a string", v)
	}
	return v.String()
}

// OptString returns argument i as a string, or def when it is missing, undefined or null.
func (a Args) OptString(i int, name, def string) string {
	if !a.Has(i) {
		return def
	}
	return a.String(i, name)
}

// Int returns argument i, which must be an integer number (a float with no fraction is
// fine; NaN, Infinity and numbers beyond ±2^53 are not).
func (a Args) Int(i int, name string) int64 {
	v := a.required(i, name, "an integer")
	n, ok := IntOf(v)
	if !ok {
		a.Fail(name, "an integer", v)
	}
	return n
}

// OptInt returns argument i as an integer, or def when it is missing, undefined or null.
func (a Args) OptInt(i int, name string, def int64) int64 {
	if !a.Has(i) {
		return def
	}
	return a.Int(i, name)
}

// Number returns argument i, which must be a finite number.
func (a Args) Number(i int, name string) float64 {
	v := a.required(i, name, "a finite number")
	if !goja.IsNumber(v) {
		a.Fail(name, "a finite number", v)
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		a.Fail(name, "a finite number", v)
	}
	return f
}

// OptNumber returns argument i as a finite number, or def when it is missing, undefined
// or null.
func (a Args) OptNumber(i int, name string, def float64) float64 {
	if !a.Has(i) {
		return def
	}
	return a.Number(i, name)
}

// Bool returns argument i, which must be a boolean.
func (a Args) Bool(i int, name string) bool {
	v := a.required(i, name, "a boolean")
	b, ok := BoolOf(v)
	if !ok {
		a.Fail(name, "a boolean", v)
	}
	return b
}

// OptBool returns argument i as a boolean, or def when it is missing, undefined or null.
func (a Args) OptBool(i int, name string, def bool) bool {
	if !a.Has(i) {
		return def
	}
	return a.Bool(i, name)
}

// Func returns argument i, which must be a function.
func (a Args) Func(i int, name string) goja.Callable {
	v := a.required(i, name, "a function")
	fn, ok := goja.AssertFunction(v)
	if !ok {
		a.Fail(name, "a function", v)
	}
	return fn
}

// Object returns argument i, which must be an object (arrays and functions included).
func (a Args) Object(i int, name string) *goja.Object {
	v := a.required(i, name, "an object")
	o, ok := v.(*goja.Object)
	if !ok {
		a.Fail(name, "an object", v)
	}
	return o
}

// OptObject returns argument i as an object, or nil when it is missing, undefined or null.
func (a Args) OptObject(i int, name string) *goja.Object {
	if !a.Has(i) {
		return nil
	}
	return a.Object(i, name)
}

// Array returns argument i, which must be an array.
func (a Args) Array(i int, name string) *goja.Object {
	v := a.required(i, name, "an array")
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Array" {
		a.Fail(name, "an array", v)
	}
	return o
}

// MaxArrayLength is the most items an array (or array-like) given to a module call may
// have, and the most values one argument converted to JSON may hold. A script can set
// any array's length to 2^32-1 without storing anything: a module that sized its Go
// slice or its loop by that length would exhaust memory or never return, so every
// length taken from JavaScript goes through [ArrayLength] first.
const MaxArrayLength = 1 << 20

// ArrayLength returns the length of the array o, which what names in messages
// ("setFields: fields"). A length that is not a whole number from 0 to
// [MaxArrayLength] (a sparse array whose length was set by hand, or a Proxy's) throws a
// TypeError: "setFields: fields has 4294967295 items, more than the 1048576 a call
// takes". Call it before allocating or looping by the length.
func ArrayLength(vm *goja.Runtime, o *goja.Object, what string) int {
	v := o.Get("length")
	if v == nil {
		return 0
	}
	f := v.ToFloat()
	if f > MaxArrayLength {
		panic(vm.NewTypeError(fmt.Sprintf("%s has %s items, more than the %d a call takes", what, v.String(), MaxArrayLength)))
	}
	if !(f >= 0) { // negative or NaN: only a Proxy or an array-like says so
		panic(vm.NewTypeError(fmt.Sprintf("%s has an invalid length %s", what, Describe(v))))
	}
	return int(f)
}

// Length is [ArrayLength] for argument name of this call.
func (a Args) Length(o *goja.Object, name string) int {
	return ArrayLength(a.VM, o, a.Method+": "+name)
}

// Strings returns argument i, which must be an array of strings.
func (a Args) Strings(i int, name string) []string {
	arr := a.Array(i, name)
	n := a.Length(arr, name)
	out := make([]string, n)
	for j := 0; j < n; j++ {
		v := arr.Get(strconv.Itoa(j))
		if !goja.IsString(v) {
			a.Fail(name+"["+strconv.Itoa(j)+"]", "a string", v)
		}
		out[j] = v.String()
	}
	return out
}

// IntOf returns v as an integer if it is an integral number within ±2^53.
func IntOf(v goja.Value) (int64, bool) {
	if !goja.IsNumber(v) {
		return 0, false
	}
	f := v.ToFloat()
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// IsNullish reports whether v is undefined or null, the values JavaScript's ?? operator
// replaces: an option or argument that is nullish counts as not given. A nil Value (what
// goja's Object.Get returns for a missing property) is nullish too.
func IsNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

// BoolOf returns v as a bool if it is a boolean.
func BoolOf(v goja.Value) (bool, bool) {
	if v == nil {
		return false, false
	}
	b, ok := GoValue(v).(bool)
	return b, ok
}

// Describe names a JavaScript value for an error message: strings are quoted (and cut
// after 40 characters), numbers, booleans, null and undefined are written as in
// JavaScript, and objects by kind ("an array", "a function", "an object", or the class
// name, e.g. "a Date").
func Describe(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsString(v):
		s := v.String()
		if utf8.RuneCountInString(s) > 40 {
			r := []rune(s)
			s = string(r[:40]) + "…"
		}
		return strconv.Quote(s)
	case goja.IsNumber(v):
		return v.String()
	}
	if o, ok := v.(*goja.Object); ok {
		if _, fn := goja.AssertFunction(o); fn {
			return "a function"
		}
		switch c := o.ClassName(); c {
		case "Array":
			return "an array"
		case "Object":
			return "an object"
		case "Error":
			return "an error"
		default:
			return "a " + c
		}
	}
	if _, ok := BoolOf(v); ok {
		return v.String()
	}
	if goja.IsBigInt(v) {
		return v.String() + "n"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "a symbol"
	}
	return "a value of type " + v.ExportType().String()
}
