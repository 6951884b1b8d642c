package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// maxJSONIndent is the longest indent JSON.stringify uses (ECMAScript: 10 spaces, or the
// first 10 code units of a string).
const maxJSONIndent = 10

// installJSON works around a goja bug in JSON.stringify(value, replacer, indent): after
// an empty array, every later nested object or array is indented one level too deep
// (goja returns early for "[]" without restoring its indent). With an indent, the
// replacement stringifies compactly with goja's own function (so replacers, toJSON,
// errors and key order are all goja's) and indents the result as ECMAScript does,
// which encoding/json.Indent matches byte for byte: "[]" and "{}" stay empty, ": "
// after keys, strings copied as they are. Without an indent it calls the original
// directly.
func (r *Runtime) installJSON() {
	obj, ok := r.vm.Get("JSON").(*goja.Object)
	if !ok {
		return
	}
	orig, ok := goja.AssertFunction(obj.Get("stringify"))
	if !ok {
		return
	}
	call := func(args ...goja.Value) goja.Value {
		v, err := orig(goja.Undefined(), args...)
		if err != nil {
			panic(err) // a *goja.Exception is rethrown as it was; interrupts stay interrupts
		}
		return v
	}
	fn := r.namedFunc("stringify", func(c goja.FunctionCall) goja.Value {
		args := c.Arguments
		if len(args) < 3 || goja.IsUndefined(args[2]) {
			return call(args...)
		}
		indent, ok := jsonIndent(args[2])
		if !ok {
			return call(args...)
		}
		v := call(args[0], args[1])
		if indent == "" || !goja.IsString(v) {
			return v
		}
		compact := v.String()
		var b bytes.Buffer
		b.Grow(len(compact) * 2)
		if err := json.Indent(&b, []byte(compact), "", indent); err != nil {
			return call(args...) // not expected: goja's output is JSON
		}
		return r.vm.ToValue(b.String())
	})
	_ = fn.DefineDataProperty("length", r.vm.ToValue(3), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty("stringify", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	r.installJSONParse(obj)
}

// maxJSONDepth is how deeply JSON.parse lets arrays and objects nest (encoding/json's
// limit too): goja's parser recurses on the Go stack, and a text of a few million "["
// overflowed it, a fatal error no script could catch.
const maxJSONDepth = 10000

// installJSONParse wraps JSON.parse so that a text nested more than maxJSONDepth levels
// deep is a RangeError before goja's parser sees it.
func (r *Runtime) installJSONParse(obj *goja.Object) {
	orig, ok := goja.AssertFunction(obj.Get("parse"))
	if !ok {
		return
	}
	fn := r.namedFunc("parse", func(c goja.FunctionCall) goja.Value {
		if len(c.Arguments) > 0 && goja.IsString(c.Arguments[0]) {
			if s := c.Arguments[0].String(); len(s) > maxJSONDepth && jsonTooDeep(s, maxJSONDepth) {
				panic(r.rangeError(fmt.Sprintf("JSON.parse: the text nests arrays and objects more than %d levels deep", maxJSONDepth)))
			}
		}
		v, err := orig(c.This, c.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	})
	_ = fn.DefineDataProperty("length", r.vm.ToValue(2), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty("parse", fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// jsonTooDeep reports whether the JSON text s opens more than max arrays and objects
// at once (brackets inside strings do not count).
func jsonTooDeep(s string, max int) bool {
	depth, inString := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth++; depth > max {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}

// rangeError returns a new RangeError with message msg.
func (r *Runtime) rangeError(msg string) *goja.Object {
	ctor, _ := r.vm.Get("RangeError").(*goja.Object)
	if ctor != nil {
		if e, err := r.vm.New(ctor, r.vm.ToValue(msg)); err == nil {
			return e
		}
	}
	return r.vm.NewTypeError(msg)
}

// jsonIndent is the gap JSON.stringify's space argument gives (ECMAScript
// SerializeJSONProperty's caller, step 6-9): a Number (or Number object) is that many
// spaces, at most 10; a String (or String object) its first 10 code units; anything else
// no indent. ok is false when the first 10 code units end inside a surrogate pair, or
// the string holds a lone surrogate, which a Go string cannot hold: goja then formats
// the value itself.
func jsonIndent(space goja.Value) (indent string, ok bool) {
	if o, isObj := space.(*goja.Object); isObj {
		switch o.ClassName() {
		case "Number":
			space = o.ToNumber()
		case "String":
			space = o.ToString()
		default:
			return "", true
		}
	}
	switch {
	case goja.IsNumber(space):
		f := space.ToFloat()
		if math.IsNaN(f) || f < 1 {
			return "", true
		}
		return strings.Repeat(" ", int(math.Min(maxJSONIndent, math.Trunc(f)))), true
	case goja.IsString(space):
		s := space.String()
		units := 0
		for i, c := range s {
			n := 1
			if c >= 0x10000 {
				n = 2
			}
			if units+n > maxJSONIndent {
				return s[:i], units == maxJSONIndent
			}
			units += n
		}
		// A lone surrogate reads as U+FFFD in Go: goja keeps it exact.
		return s, !strings.ContainsRune(s, utf8.RuneError)
	}
	return "", true
}
