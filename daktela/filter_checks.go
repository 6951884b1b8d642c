package daktela

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// maxFilterDepth bounds how deeply filter groups may nest, so a cyclic or runaway input
// ends in an error rather than a stack overflow.
const maxFilterDepth = 32

// validateFilter checks one filter or group added by method and normalises it in place:
// a condition's value becomes a string (numbers and booleans formatted as PHP's
// http_build_query would), a []string (for "in" and "notin") or nil (for "isnull" and
// "isnotnull"); a group's logic becomes "and" or "or" and its filters are checked in turn
// (into a fresh slice: the caller's is never changed). at is the filter's index path in
// the caller's argument, e.g. "[1][filters][0]", for messages; "" for a lone filter.
func validateFilter(method, at string, f *Filter) error {
	return checkFilter(method, at, f, 0)
}

func checkFilter(method, at string, f *Filter, depth int) error {
	if !f.IsGroup() {
		return checkCondition(method, at, f)
	}
	if f.Field != "" || f.Operator != "" || f.Value != nil || f.IgnoreCase {
		return argError(method, loc(at), "a group with a field, operator or value",
			"either a condition (field, operator, value) or a group (logic, filters), not both")
	}
	if err := checkGroupHead(method, at, f, depth); err != nil {
		return err
	}
	sub := make([]Filter, len(f.Filters))
	copy(sub, f.Filters)
	for i := range sub {
		if err := checkFilter(method, at+"[filters]["+strconv.Itoa(i)+"]", &sub[i], depth+1); err != nil {
			return err
		}
	}
	f.Filters = sub
	return nil
}

// checkGroupHead checks and normalises a group's own members: its logic and that it has
// filters. It does not look into the filters.
func checkGroupHead(method, at string, f *Filter, depth int) error {
	if depth >= maxFilterDepth {
		return argError(method, place(at, "group"), "a group nested "+strconv.Itoa(depth+1)+" deep",
			"nested at most "+strconv.Itoa(maxFilterDepth)+" groups deep")
	}
	switch strings.ToLower(f.Logic) {
	case "", "and":
		f.Logic = "and"
	case "or":
		f.Logic = "or"
	default:
		return argError(method, place(at, "logic"), f.Logic, `"and" or "or"`)
	}
	if len(f.Filters) == 0 {
		return argError(method, place(at, "filters"), f.Filters, "a non-empty list of filters")
	}
	return nil
}

// checkCondition checks a condition's field, operator and value shape and normalises its
// value for the wire.
func checkCondition(method, at string, f *Filter) error {
	if f.Field == "" {
		return argError(method, place(at, "field"), f.Field, "a field name")
	}
	kind, err := checkOperator(method, place(at, "operator"), f.Operator)
	if err != nil {
		return err
	}
	switch kind {
	case opNoValue:
		if f.Value == nil {
			return nil
		}
		s, ok := scalarString(f.Value)
		if !ok {
			return argError(method, place(at, "value"), f.Value, "null ("+f.Operator+" takes no value)")
		}
		f.Value = s
	case opScalar:
		if f.Value == nil {
			return argError(method, place(at, "value"), nil, "a string, number or bool ("+f.Operator+" needs a value)")
		}
		if _, isString := f.Value.(string); isString {
			return nil // already the wire form: no second boxing of the same string
		}
		s, ok := scalarString(f.Value)
		if !ok {
			want := "a string, number or bool"
			if isList(f.Value) {
				want += " (only in and notin take a list)"
			} else if isNonFinite(f.Value) {
				want = "a finite number"
			}
			return argError(method, place(at, "value"), f.Value, want)
		}
		f.Value = s
	case opList:
		list, bad, ok := stringList(f.Value)
		if !ok {
			if bad >= 0 {
				return argError(method, place(at, "value["+strconv.Itoa(bad)+"]"), listItem(f.Value, bad),
					"a string, number or bool")
			}
			return argError(method, place(at, "value"), f.Value, "a list of values ("+f.Operator+" takes a list)")
		}
		if len(list) == 0 {
			return argError(method, place(at, "value"), f.Value, "a non-empty list of values")
		}
		f.Value = list
	}
	return nil
}

// loc names the filter at the index path at ("[1][filters][0]") for messages:
// "filter [1][filters][0]", or "filter" for a lone one.
func loc(at string) string {
	if at == "" {
		return "filter"
	}
	return "filter " + at
}

// place names what is wrong in the filter at index path at: "filter [1] operator", or
// just "operator" for a lone filter.
func place(at, what string) string {
	if at == "" {
		return what
	}
	return "filter " + at + " " + what
}

// scalarString formats a string, number or bool as PHP's http_build_query does: strings
// as they are, booleans as "1" and "0", integers in decimal, floats as PHP's "%.14G".
// It reports false for anything else, and for NaN and infinities.
func scalarString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		if x {
			return "1", true
		}
		return "0", true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int32:
		return strconv.FormatInt(int64(x), 10), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", false
		}
		return phpFloatString(x), true
	case json.Number:
		return string(x), true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), true
	case reflect.Bool:
		return scalarString(rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10), true
	case reflect.Float32:
		// A float32 is formatted from its shortest decimal form, as a JS or JSON
		// number would be, not from its widened float64 digits.
		f, _ := strconv.ParseFloat(strconv.FormatFloat(rv.Float(), 'g', -1, 32), 64)
		return scalarString(f)
	case reflect.Float64:
		return scalarString(rv.Float())
	}
	return "", false
}

// isList reports whether v is a slice or array (but not a string).
func isList(v any) bool {
	k := reflect.ValueOf(v).Kind()
	return k == reflect.Slice || k == reflect.Array
}

func isNonFinite(v any) bool {
	rv := reflect.ValueOf(v)
	if k := rv.Kind(); k == reflect.Float32 || k == reflect.Float64 {
		f := rv.Float()
		return math.IsNaN(f) || math.IsInf(f, 0)
	}
	return false
}

// stringList turns a list of scalars into strings. ok is false when v is not a list
// (bad is -1) or when item bad is not a scalar.
func stringList(v any) (list []string, bad int, ok bool) {
	switch x := v.(type) {
	case []string:
		return append([]string(nil), x...), -1, true
	case []any:
		out := make([]string, len(x))
		for i, item := range x {
			s, ok := scalarString(item)
			if !ok {
				return nil, i, false
			}
			out[i] = s
		}
		return out, -1, true
	}
	rv := reflect.ValueOf(v)
	if k := rv.Kind(); k != reflect.Slice && k != reflect.Array {
		return nil, -1, false
	}
	out := make([]string, rv.Len())
	for i := range out {
		s, ok := scalarString(rv.Index(i).Interface())
		if !ok {
			return nil, i, false
		}
		out[i] = s
	}
	return out, -1, true
}

// listItem returns item i of the list v.
func listItem(v any, i int) any {
	rv := reflect.ValueOf(v)
	if (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && i < rv.Len() {
		return rv.Index(i).Interface()
	}
	return nil
}
