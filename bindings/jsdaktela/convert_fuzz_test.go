package jsdaktela

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsrecords"
	"github.com/dop251/goja"
)

// FuzzJSONValueRoundTrip sends JSON through both conversions a script's data takes:
// Go → JS (records as jsrecords views, and as JSON.parse would make them) and JS → Go
// (jsonValue, what addAttribute and the other attribute methods take). The Go value
// that comes back must equal what encoding/json decodes from the same bytes, numbers
// compared as float64 (what a JS number holds); values nested past the module's depth
// bound must be refused with a TypeError, never a Go panic.
func FuzzJSONValueRoundTrip(f *testing.F) {
	for _, s := range []string{
		`{"name":"records_5fa299a48ab72834012563","number":"00420226211245","customFields":{"email":["a@b.cz"]},"queue":{"name":3000,"title":"Sales"}}`,
		`[1,2.5,-0,1e21,9007199254740993,null,true,false,"x"]`,
		`{"a":{"b":{"c":[[[]]]}},"":0,"__proto__":{"x":1}}`,
		`{"dup":1,"dup":2}`,
		`"\u00e9\ud83d\ude00\t\"\\"`,
		`{"n":-1.5e-7,"big":123456789012345678901234567890}`,
		`[]`, `{}`, `null`, `0`,
	} {
		f.Add([]byte(s))
	}
	vm := goja.New()
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) || !utf8JSON(data) {
			return
		}
		var want any
		if err := json.Unmarshal(data, &want); err != nil {
			return
		}
		want = floats(want)
		views, err := jsrecords.FromJSON(vm, data)
		if err != nil {
			t.Fatalf("jsrecords.FromJSON(%q): %v", data, err)
		}
		parsed, err := parse(goja.Undefined(), vm.ToValue(string(data)))
		if err != nil {
			t.Fatalf("JSON.parse(%q): %v", data, err)
		}
		for name, v := range map[string]goja.Value{"view": views, "JSON.parse": parsed} {
			got, thrown := toGo(vm, v)
			if thrown != "" {
				if depth(want) > maxValueDepth {
					continue // refused as nested too deeply: that is the bound
				}
				t.Fatalf("%s of %q: the conversion threw %s", name, data, thrown)
			}
			if !reflect.DeepEqual(floats(got), want) {
				t.Fatalf("%s of %q came back as %#v, want %#v", name, data, got, want)
			}
		}
	})
}

// toGo runs jsonValue on v as addAttribute would, and returns the Go value or the
// message of what it threw.
func toGo(vm *goja.Runtime, v goja.Value) (out any, thrown string) {
	a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: []goja.Value{v}}, Method: "addAttribute"}
	if ex := vm.Try(func() { out = jsonValue(a, 0, "value", bindings.DefaultLocation()) }); ex != nil {
		return nil, ex.Error()
	}
	return out, ""
}

// utf8JSON reports whether data has no invalid UTF-8 and no lone surrogate escape: a
// JS string holds those as they are, Go's decoder replaces them, so they cannot compare.
func utf8JSON(data []byte) bool {
	if !bytes.Equal(bytes.ToValidUTF8(data, nil), data) {
		return false
	}
	var v any
	_ = json.Unmarshal(data, &v)
	b, _ := json.Marshal(v)
	return !bytes.Contains(b, []byte("\ufffd")) || bytes.Contains(data, []byte("\ufffd"))
}

// floats turns every number (int64 from the module, float64 from encoding/json) into
// a float64, and normalises -0 to 0 (JSON.parse keeps -0; integers compare equal).
func floats(v any) any {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		if x == 0 {
			return 0.0
		}
		if math.IsInf(x, 0) {
			return fmt.Sprint(x)
		}
		return x
	case []any:
		for i := range x {
			x[i] = floats(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = floats(x[k])
		}
	}
	return v
}

func depth(v any) int {
	d := 0
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			d = max(d, depth(e))
		}
		return d + 1
	case map[string]any:
		for _, e := range x {
			d = max(d, depth(e))
		}
		return d + 1
	}
	return 0
}
