package daktela

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
)

// maxAttributeDepth bounds how deeply an attribute value may nest, so a cyclic value ends
// in an error rather than a stack overflow.
const maxAttributeDepth = 64

// addAttribute sets key to value after checking that the value is representable as JSON.
// method names the builder method for the error.
func (w *writeRequest) addAttribute(method, key string, value any) {
	if key == "" {
		w.fail(argError(method, "key", key, "an attribute name"))
		return
	}
	if p := checkJSONValue(reflect.ValueOf(value), 0); p != nil {
		if len(p.path) > 120 {
			p.path = p.path[:120] + "..."
		}
		w.fail(&ArgumentError{Method: method, Arg: "attribute " + strconv.Quote(key) + p.path, Value: p.value, Want: p.want})
		return
	}
	w.attrs.set(key, value)
}

// setTyped sets key to a value whose Go type already guarantees it is valid JSON.
func (w *writeRequest) setTyped(method, key string, value any) {
	if key == "" {
		w.fail(argError(method, "key", key, "an attribute name"))
		return
	}
	w.attrs.set(key, value)
}

// addAttributes sets every entry of values, keys in sorted order (a Go map has none).
// Null values are skipped, as PHP's addAttributes does by default, so that a partly
// filled map does not clear fields by accident; set one with addAttribute(key, nil).
func (w *writeRequest) addAttributes(method string, values map[string]any) {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if values[k] == nil {
			continue
		}
		w.addAttribute(method, k, values[k])
	}
}

// addAttributeList sets every attribute in order, skipping null values as addAttributes.
func (w *writeRequest) addAttributeList(method string, values []Attribute) {
	for _, a := range values {
		if a.Value == nil {
			continue
		}
		w.addAttribute(method, a.Key, a.Value)
	}
}

// jsonProblem says where a value is not representable as JSON and why.
type jsonProblem struct {
	path  string // below the attribute, e.g. `["tags"][2]`
	value any    // the offending part
	want  string
}

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// checkJSONValue reports the first part of v that encoding/json could not encode, or
// would encode as something other than data: functions, channels, complex numbers, NaN
// and infinities, maps with keys that are not strings or integers, and nesting deeper
// than maxAttributeDepth (how a cycle shows). Types with their own MarshalJSON are
// trusted. Map keys are visited in sorted order, so the problem reported is always the
// same one.
func checkJSONValue(v reflect.Value, depth int) *jsonProblem {
	if !v.IsValid() {
		return nil
	}
	if depth > maxAttributeDepth {
		return &jsonProblem{value: v.Interface(), want: "nested at most " + strconv.Itoa(maxAttributeDepth) + " levels deep (is it a cycle?)"}
	}
	t := v.Type()
	if t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType) {
		return nil
	}
	switch v.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return nil
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return &jsonProblem{value: f, want: "a finite number (JSON has no NaN or Infinity)"}
		}
		return nil
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkJSONValue(v.Elem(), depth) // the level is counted by what holds it
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return checkJSONValue(v.Elem(), depth+1)
	case reflect.Slice:
		if v.IsNil() || t.Elem().Kind() == reflect.Uint8 {
			return nil // null, or []byte as base64
		}
		fallthrough
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if p := checkJSONValue(v.Index(i), depth+1); p != nil {
				p.path = "[" + strconv.Itoa(i) + "]" + p.path
				return p
			}
		}
		return nil
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		switch kk := t.Key().Kind(); {
		case kk == reflect.String, kk >= reflect.Int && kk <= reflect.Uintptr, t.Key().Implements(textMarshalerType):
		default:
			return &jsonProblem{value: v.Interface(), want: "a map with string keys"}
		}
		keys := v.MapKeys()
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = fmt.Sprint(k.Interface())
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return names[order[a]] < names[order[b]] })
		for _, i := range order {
			if p := checkJSONValue(v.MapIndex(keys[i]), depth+1); p != nil {
				p.path = "[" + strconv.Quote(names[i]) + "]" + p.path
				return p
			}
		}
		return nil
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() || sf.Tag.Get("json") == "-" {
				continue
			}
			if p := checkJSONValue(v.Field(i), depth+1); p != nil {
				p.path = "." + sf.Name + p.path
				return p
			}
		}
		return nil
	case reflect.Func:
		return &jsonProblem{value: v.Interface(), want: "JSON data (a function cannot be sent)"}
	case reflect.Chan:
		return &jsonProblem{value: v.Interface(), want: "JSON data (a channel cannot be sent)"}
	case reflect.Complex64, reflect.Complex128:
		return &jsonProblem{value: v.Interface(), want: "JSON data (a complex number cannot be sent)"}
	}
	return &jsonProblem{value: v.Interface(), want: "JSON data"}
}
