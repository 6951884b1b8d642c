package jscsv

import (
	"strconv"
	"unicode/utf8"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// optionReader reads one options object, throwing TypeErrors that name the function and
// the option.
type optionReader struct {
	vm *goja.Runtime
	o  *goja.Object // nil when the script gave no options
	fn string
}

func newOptions(vm *goja.Runtime, v goja.Value, fn string) optionReader {
	r := optionReader{vm: vm, fn: fn}
	if bindings.IsNullish(v) {
		return r
	}
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() == "Array" {
		panic(vm.NewTypeError("%s: options must be an object, got %s", fn, bindings.Describe(v)))
	}
	r.o = o
	return r
}

func (r optionReader) get(key string) goja.Value {
	if r.o == nil {
		return nil
	}
	v := r.o.Get(key)
	if bindings.IsNullish(v) {
		return nil
	}
	return v
}

func (r optionReader) fail(key, want string, v goja.Value) {
	panic(r.vm.NewTypeError("%s: option %s must be %s, got %s", r.fn, key, want, bindings.Describe(v)))
}

func (r optionReader) bool(key string, def bool) bool {
	v := r.get(key)
	if v == nil {
		return def
	}
	b, ok := bindings.GoValue(v).(bool)
	if !ok {
		r.fail(key, "a boolean", v)
	}
	return b
}

func (r optionReader) string(key, def string) string {
	v := r.get(key)
	if v == nil {
		return def
	}
	if !goja.IsString(v) {
		r.fail(key, "a string", v)
	}
	return v.String()
}

// char reads an option that must be a single character other than a line break.
func (r optionReader) char(key string, def rune) rune {
	v := r.get(key)
	if v == nil {
		return def
	}
	s := ""
	if goja.IsString(v) {
		s = v.String()
	}
	c, size := utf8.DecodeRuneInString(s)
	if size == 0 || size != len(s) || c == '\r' || c == '\n' || c == utf8.RuneError {
		r.fail(key, "a single character other than a line break", v)
	}
	return c
}

// strings reads an option that must be an array of strings.
func (r optionReader) strings(key string) []string {
	v := r.get(key)
	if v == nil {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Array" {
		r.fail(key, "an array of strings", v)
	}
	n := bindings.ArrayLength(r.vm, o, r.fn+": option "+key)
	out := make([]string, n)
	for i := range out {
		e := o.Get(strconv.Itoa(i))
		if !goja.IsString(e) {
			r.fail(key+"["+strconv.Itoa(i)+"]", "a string", e)
		}
		out[i] = e.String()
	}
	return out
}
