package jscrypto

import (
	"encoding/base64"
	"encoding/hex"
	"reflect"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

var typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})

// view returns the bytes o shows, sharing its memory: an ArrayBuffer's, or the window of
// a typed array (a Buffer is a Uint8Array) or DataView over its buffer. ok is false for
// any other value. integer is true for the typed arrays of integers.
func view(vm *goja.Runtime, v goja.Value) (b []byte, integer, ok bool) {
	o, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false, false
	}
	if o.ExportType() == typeArrayBuffer {
		return o.Export().(goja.ArrayBuffer).Bytes(), false, true
	}
	t := o.ExportType()
	isView := false
	if dv, ok := vm.Get("DataView").(*goja.Object); ok && vm.InstanceOf(o, dv) {
		isView = true
	}
	if !isView && t != nil && t.Kind() == reflect.Slice {
		switch t.Elem().Kind() {
		case reflect.Uint8, reflect.Int8, reflect.Uint16, reflect.Int16, reflect.Uint32, reflect.Int32,
			reflect.Int64, reflect.Uint64:
			isView, integer = true, true
		case reflect.Float32, reflect.Float64:
			isView = true
		}
	}
	if !isView {
		return nil, false, false
	}
	ab, isAB := o.Get("buffer").Export().(goja.ArrayBuffer)
	if !isAB {
		return nil, false, false
	}
	all := ab.Bytes()
	off, n := o.Get("byteOffset").ToInteger(), o.Get("byteLength").ToInteger()
	if off < 0 || n < 0 || off+n > int64(len(all)) {
		return nil, false, false
	}
	return all[off : off+n], integer, true
}

// data returns the bytes of a string (UTF-8) or binary value given as argument name
// of method, or throws a TypeError.
func data(vm *goja.Runtime, v goja.Value, method, name string) []byte {
	if goja.IsString(v) {
		return []byte(v.String())
	}
	if b, _, ok := view(vm, v); ok {
		return b
	}
	panic(vm.NewTypeError(bindings.ArgMessage(method, name, "a string, Buffer, typed array, DataView or ArrayBuffer", v)))
}

// decodeString returns s in the input encoding enc ("utf8", "hex", "base64", "latin1").
func decodeString(vm *goja.Runtime, method, s, enc string) []byte {
	switch strings.ToLower(enc) {
	case "utf8", "utf-8":
		return []byte(s)
	case "hex":
		b, err := hex.DecodeString(s)
		if err != nil {
			panic(vm.NewTypeError("%s: data is not valid hex: %v", method, err))
		}
		return b
	case "base64":
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			if b, err = base64.RawStdEncoding.DecodeString(s); err != nil {
				panic(vm.NewTypeError("%s: data is not valid base64: %v", method, err))
			}
		}
		return b
	case "latin1", "binary":
		b := make([]byte, 0, len(s))
		for _, r := range s {
			b = append(b, byte(r))
		}
		return b
	}
	panic(vm.NewTypeError(`%s: inputEncoding must be "utf8", "hex", "base64" or "latin1", got %q`, method, enc))
}

// encodeDigest returns sum as enc: a hex or base64 string, or a Buffer when enc is "".
func encodeDigest(vm *goja.Runtime, a bindings.Args, sum []byte, enc string) goja.Value {
	switch strings.ToLower(enc) {
	case "":
		return buffer.WrapBytes(vm, sum)
	case "hex":
		return vm.ToValue(hex.EncodeToString(sum))
	case "base64":
		return vm.ToValue(base64.StdEncoding.EncodeToString(sum))
	case "base64url":
		return vm.ToValue(base64.RawURLEncoding.EncodeToString(sum))
	case "latin1", "binary":
		r := make([]rune, len(sum))
		for i, c := range sum {
			r[i] = rune(c)
		}
		return vm.ToValue(string(r))
	}
	a.Fail("encoding", `"hex", "base64", "base64url" or "latin1" (or nothing, for a Buffer)`, a.Value(0))
	return nil
}
