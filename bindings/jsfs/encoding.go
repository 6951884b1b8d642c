package jsfs

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf16"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// encodings a script may name for readFileSync, writeFileSync and appendFileSync.
// Reading without an encoding gives bytes (see bytesValue).
var encodings = map[string]string{
	"utf8": "utf8", "utf-8": "utf8",
	"latin1": "latin1", "binary": "latin1",
	"ascii":  "ascii",
	"base64": "base64",
	"hex":    "hex",
}

// encodingName returns the canonical name of enc, or an error naming it.
func encodingName(enc string) (string, error) {
	if n, ok := encodings[strings.ToLower(enc)]; ok {
		return n, nil
	}
	return "", fmt.Errorf("unknown encoding %q (use utf8, latin1, ascii, base64 or hex)", enc)
}

// decode turns file bytes into a string as Node does for the encoding.
func decode(b []byte, enc string) string {
	switch enc {
	case "latin1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	case "ascii":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c & 0x7f)
		}
		return string(r)
	case "base64":
		return base64.StdEncoding.EncodeToString(b)
	case "hex":
		return hex.EncodeToString(b)
	}
	return string(b)
}

// encode turns a script's string into bytes for the encoding.
func encode(s string, enc string) ([]byte, error) {
	switch enc {
	case "latin1", "ascii":
		units := utf16.Encode([]rune(s))
		b := make([]byte, len(units))
		for i, u := range units {
			b[i] = byte(u)
		}
		return b, nil
	case "base64":
		b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
		if err != nil {
			return nil, fmt.Errorf("invalid base64 data: %v", err)
		}
		return b, nil
	case "hex":
		b, err := hex.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("invalid hex data: %v", err)
		}
		return b, nil
	}
	return []byte(s), nil
}

// bytesValue gives b to JavaScript: a Buffer when the runtime has the global Buffer
// (goja_nodejs's buffer module), else a Uint8Array over a copy-free ArrayBuffer.
func bytesValue(vm *goja.Runtime, b []byte) goja.Value {
	ab := vm.ToValue(vm.NewArrayBuffer(b))
	if buf, ok := vm.Get("Buffer").(*goja.Object); ok {
		if from, ok := goja.AssertFunction(buf.Get("from")); ok {
			if v, err := from(buf, ab); err == nil {
				return v
			}
		}
	}
	u8, err := vm.New(vm.Get("Uint8Array"), ab)
	if err != nil {
		panic(err)
	}
	return u8
}

// dataBytes returns the bytes of data a script wants written: a string (in enc), or a
// Buffer, typed array, DataView or ArrayBuffer.
func dataBytes(vm *goja.Runtime, data goja.Value, enc, fn string) []byte {
	if goja.IsString(data) {
		b, err := encode(data.String(), enc)
		if err != nil {
			panic(vm.NewTypeError("%s: %v", fn, err))
		}
		return b
	}
	if o, ok := data.(*goja.Object); ok && isBinary(o) {
		var b []byte
		if err := vm.ExportTo(o, &b); err == nil {
			return b
		}
	}
	panic(vm.NewTypeError("%s: data must be a string, Buffer, Uint8Array or ArrayBuffer, got %s", fn, bindings.Describe(data)))
}

var typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})

// isBinary reports whether o is an ArrayBuffer, a typed array (a Buffer is a Uint8Array)
// or a DataView: the objects whose bytes can be written.
func isBinary(o *goja.Object) bool {
	t := o.ExportType()
	if t == typeArrayBuffer || o.ClassName() == "DataView" {
		return true
	}
	// Typed arrays export as slices of numbers; plain arrays as []interface{}.
	if t != nil && t.Kind() == reflect.Slice {
		switch t.Elem().Kind() {
		case reflect.Uint8, reflect.Int8, reflect.Uint16, reflect.Int16, reflect.Uint32, reflect.Int32,
			reflect.Float32, reflect.Float64, reflect.Int64, reflect.Uint64:
			return true
		}
	}
	return false
}
