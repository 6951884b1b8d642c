// Package jsintl gives scripts the common subset of Intl and the locale-aware
// toLocaleString methods for the languages Daktela instances run in: Czech, Slovak,
// English (US and British forms), German, Polish and Hungarian, printed as Node 20
// prints them, CLDR's no-break spaces (U+00A0) included. Other locales fall back to
// en-US, as Node does in the C locale.
//
// Numbers (Intl.NumberFormat, Number.prototype.toLocaleString) are formatted by
// golang.org/x/text (digits, separators, currency symbols and digits) with Intl's
// half-away-from-zero rounding: styles decimal, percent and currency (currencyDisplay
// symbol, narrowSymbol, code), minimumIntegerDigits, minimum/maximumFractionDigits,
// useGrouping. golang.org/x/text has no public date formatter, so dates
// (Intl.DateTimeFormat, Date.prototype.toLocaleString, toLocaleDateString,
// toLocaleTimeString) come from a small table of the CLDR forms of these locales:
// dateStyle short/medium/long/full, timeStyle short/medium, the methods' defaults, and
// the option sets {year, month, day} numeric, 2-digit, short or long, {month: "long",
// year}, {month: "long"}, {weekday: "long"} (with a long date) and {hour, minute}
// 2-digit; timeZone is any IANA zone. Another option set is a RangeError naming it.
package jsintl

import (
	_ "embed"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/dop251/goja"
)

//go:embed intl.js
var intlSource string

// SourceName is the name the Intl classes' JavaScript runs under.
const SourceName = "<intl>/intl.js"

// program is compiled on first use, not when the process starts: most scripts never
// use it.
var program = sync.OnceValue(func() *goja.Program { return goja.MustCompile(SourceName, intlSource, true) })

// New returns the Intl object for vm. local is the zone of a Date's local time (what
// a format without timeZone uses); now tells the time a DateTimeFormat's format()
// without a date formats (nil: time.Now), so a host's fixed clock reaches it.
func New(vm *goja.Runtime, local *time.Location, now func() time.Time) (goja.Value, error) {
	if now == nil {
		now = time.Now
	}
	v, err := vm.RunProgram(program())
	if err != nil {
		return nil, fmt.Errorf("jsintl: %w", err)
	}
	build, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("jsintl: the source is not a function")
	}
	out, err := build(goja.Undefined(), natives(vm, local, now))
	if err != nil {
		return nil, fmt.Errorf("jsintl: %w", err)
	}
	return out, nil
}

// natives are the Go halves of the classes.
func natives(vm *goja.Runtime, local *time.Location, now func() time.Time) *goja.Object {
	n := vm.NewObject()
	_ = n.Set("numberFormat", func(call goja.FunctionCall) goja.Value {
		f := newNumberFormat(vm, call.Argument(0), call.Argument(1))
		return formatter(vm, f.resolvedOptions(vm), func(v goja.Value) string { return f.format(toNumber(vm, v)) })
	})
	_ = n.Set("dateFormat", func(call goja.FunctionCall) goja.Value {
		f := newDateFormat(vm, call.Argument(0), call.Argument(1), "date", local)
		return formatter(vm, f.resolvedOptions(vm), func(v goja.Value) string {
			if goja.IsUndefined(v) {
				return f.format(vm, float64(now().UnixMilli()))
			}
			return f.format(vm, timeValue(vm, v))
		})
	})
	_ = n.Set("supported", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(supported(vm, call.Argument(0)))
	})
	return n
}

// formatter is what the JavaScript classes wrap: {resolved, format(value)}.
func formatter(vm *goja.Runtime, resolved *goja.Object, format func(goja.Value) string) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("resolved", resolved)
	_ = o.Set("format", func(call goja.FunctionCall) goja.Value { return vm.ToValue(format(call.Argument(0))) })
	return o
}

// timeValue is the time value of a Date, or the number v.
func timeValue(vm *goja.Runtime, v goja.Value) float64 {
	if o, ok := v.(*goja.Object); ok {
		if get, ok := goja.AssertFunction(o.Get("getTime")); ok && o.ClassName() == "Date" {
			r, err := get(o)
			if err != nil {
				panic(err)
			}
			return r.ToFloat()
		}
	}
	return v.ToFloat()
}

// toNumber converts v as Number(v) does.
func toNumber(vm *goja.Runtime, v goja.Value) float64 {
	n, _ := goja.AssertFunction(vm.Get("Number"))
	r, err := n(goja.Undefined(), v)
	if err != nil {
		panic(err)
	}
	return r.ToFloat()
}

// ToLocaleString is Number.prototype.toLocaleString(locales, options).
func ToLocaleString(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
	x := call.This
	if o, ok := x.(*goja.Object); ok && o.ClassName() == "Number" {
		x = vm.ToValue(o.Export())
	}
	if _, ok := x.Export().(int64); !ok {
		if _, ok := x.Export().(float64); !ok {
			panic(vm.NewTypeError("Number.prototype.toLocaleString requires that 'this' be a Number"))
		}
	}
	f := newNumberFormat(vm, call.Argument(0), call.Argument(1))
	return vm.ToValue(f.format(x.ToFloat()))
}

// DateToLocale is Date.prototype.toLocaleString, toLocaleDateString or
// toLocaleTimeString, by parts: "all", "date" or "time".
func DateToLocale(vm *goja.Runtime, call goja.FunctionCall, parts string, local *time.Location) goja.Value {
	o, ok := call.This.(*goja.Object)
	if !ok || o.ClassName() != "Date" {
		panic(vm.NewTypeError("this is not a Date object."))
	}
	ms := timeValue(vm, o)
	if math.IsNaN(ms) {
		return vm.ToValue("Invalid Date")
	}
	f := newDateFormat(vm, call.Argument(0), call.Argument(1), parts, local)
	return vm.ToValue(f.format(vm, ms))
}
