package jsweb

import (
	"reflect"
	"unicode/utf8"

	"github.com/dop251/goja"
)

var typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})

// bytesOf returns the bytes an ArrayBuffer, typed array or DataView shows, sharing
// their memory; ok is false for other values.
func bytesOf(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	o, isObj := v.(*goja.Object)
	if !isObj {
		return nil, false
	}
	if o.ExportType() == typeArrayBuffer {
		return o.Export().(goja.ArrayBuffer).Bytes(), true
	}
	isView := false
	if t := o.ExportType(); t != nil && t.Kind() == reflect.Slice {
		switch t.Elem().Kind() {
		case reflect.Uint8, reflect.Int8, reflect.Uint16, reflect.Int16, reflect.Uint32, reflect.Int32,
			reflect.Int64, reflect.Uint64, reflect.Float32, reflect.Float64:
			isView = true
		}
	}
	if dv, ok := vm.Get("DataView").(*goja.Object); ok && vm.InstanceOf(o, dv) {
		isView = true
	}
	if !isView {
		return nil, false
	}
	ab, ok := o.Get("buffer").Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	all := ab.Bytes()
	off, n := o.Get("byteOffset").ToInteger(), o.Get("byteLength").ToInteger()
	if off < 0 || n < 0 || off+n > int64(len(all)) {
		return nil, false
	}
	return all[off : off+n], true
}

// decodeUTF8 decodes b as the WHATWG UTF-8 decoder does: a leading BOM dropped unless
// ignoreBOM, each invalid byte U+FFFD, or ok false when fatal.
func decodeUTF8(b []byte, fatal, ignoreBOM bool) (string, bool) {
	if !ignoreBOM && len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	if utf8.Valid(b) {
		return string(b), true
	}
	if fatal {
		return "", false
	}
	out := make([]rune, 0, len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			size = maximalSubpart(b)
		}
		out = append(out, r)
		b = b[size:]
	}
	return string(out), true
}

// maximalSubpart returns how many bytes at the start of b, which do not begin a valid
// UTF-8 sequence, one U+FFFD replaces: the longest start of a sequence (the WHATWG
// decoder's rule), at least one byte.
func maximalSubpart(b []byte) int {
	lo, hi, need := byte(0x80), byte(0xBF), 0
	switch c := b[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		lo, need = 0xA0, 2
	case c == 0xED:
		hi, need = 0x9F, 2
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		lo, need = 0x90, 3
	case c == 0xF4:
		hi, need = 0x8F, 3
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	}
	n := 1
	for ; n <= need && n < len(b); n++ {
		if b[n] < lo || b[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}

// encodeInto writes as much of s as fits, whole characters only, into the Uint8Array
// dest, and returns {read, written} (read in UTF-16 code units, as JavaScript counts).
func encodeInto(vm *goja.Runtime, s string, dest goja.Value) goja.Value {
	buf, _ := bytesOf(vm, dest)
	read, written := 0, 0
	for _, r := range toUTF8(s) {
		n := utf8.RuneLen(r)
		if n < 0 || written+n > len(buf) {
			break
		}
		utf8.EncodeRune(buf[written:], r)
		written += n
		read++
		if r > 0xFFFF {
			read++
		}
	}
	o := vm.NewObject()
	_ = o.Set("read", read)
	_ = o.Set("written", written)
	return o
}
