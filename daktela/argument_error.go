package daktela

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
)

// ArgumentError is a mistake made while building a request: an unknown operator, a value
// of the wrong shape, a page size out of range. Nothing is sent for a request that holds
// one: [ReadRequest.Err] (and the write requests' Err) return it, and so does
// [Client.Execute].
//
// Its message reads like
//
//	setTake: take must be a page size from 1 to 1000, got 5000
type ArgumentError struct {
	// Method is the builder method, named as in PHP and JavaScript (camelCase), e.g.
	// "addFilter", "setTake", "addFilterFromArray".
	Method string
	// Arg names what was wrong: a parameter ("operator"), or a place in a nested
	// argument ("filter [1][0] operator").
	Arg string
	// Value is what was given.
	Value any
	// Want says what was expected.
	Want string
}

// Error returns "method: arg must be want, got value".
func (e *ArgumentError) Error() string {
	return e.Method + ": " + e.Arg + " must be " + e.Want + ", got " + describeValue(e.Value)
}

// argError returns an [*ArgumentError].
func argError(method, arg string, got any, want string) error {
	return &ArgumentError{Method: method, Arg: arg, Value: got, Want: want}
}

// describeValue renders a value for an error message without ever walking into it: a
// cyclic map or a huge list would otherwise make the message itself fail or explode.
func describeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if len(x) > 80 {
			return strconv.Quote(x[:77]+"...") + " (" + strconv.Itoa(len(x)) + " bytes)"
		}
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return describeFloat(x)
	case float32:
		return describeFloat(float64(x))
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		return fmt.Sprintf("a list of %d items", rv.Len())
	case reflect.Map:
		return fmt.Sprintf("a map of %d keys", rv.Len())
	case reflect.Func:
		return "a function"
	case reflect.Chan:
		return "a channel"
	case reflect.Complex64, reflect.Complex128:
		return "a complex number"
	case reflect.Struct:
		return "a " + rv.Type().String()
	case reflect.Pointer:
		if rv.IsNil() {
			return "a nil " + rv.Type().String()
		}
		return "a " + rv.Type().String()
	}
	return "a " + rv.Type().String()
}

func describeFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
