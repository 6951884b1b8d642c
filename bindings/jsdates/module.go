// Package jsdates is the dates JavaScript module: the Daktela API's local date-times
// ("YYYY-MM-DD HH:MM:SS" in the instance's time zone, no zone given) to and from
// JavaScript Dates, and the day ranges reports filter on.
//
//	const dates = require("dates");
//	dates.format(new Date())          // "2026-03-05 14:07:00" in the instance's zone
//	dates.parse("2026-03-05 14:07:00") // a Date; null for null, undefined and ""
//	const r = dates.range("yesterday") // {from: "2026-03-04 00:00:00", to: "2026-03-04 23:59:59", before: "2026-03-05 00:00:00"}
//	req.addFilter("time", "gte", r.from).addFilter("time", "lte", r.to)
//
// The zone is [Options.Location], Europe/Prague unless the host says otherwise; days
// start at local midnight, so ranges and addDays are right across daylight-saving
// changes (a day may last 23 or 25 hours).
//
// A filter with a bare date compares against that day's midnight: ("time", "lte",
// "2026-01-31") excludes nearly all of 31 January. Use a range's to (the last second,
// with "lte") or before (the next midnight, with "lt").
//
// Functions (d is a Date, a number of milliseconds since 1970, or a string parse reads):
//
//	format(d)        "YYYY-MM-DD HH:MM:SS"
//	formatDate(d)    "YYYY-MM-DD"
//	parse(s)         Date from "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD HH:MM", "YYYY-MM-DD",
//	                 "YYYY-MM-DDTHH:MM:SS" (all local) or RFC 3339 with a zone
//	now()            the current time as a Date (the host may fix it for tests)
//	today()          Date of today's local midnight; yesterday() of yesterday's
//	startOfDay(d)    Date of d's local midnight; endOfDay(d) of its last second
//	addDays(d, n)    Date n calendar days later (n may be negative), same wall-clock time
//	range(name)      {from, to, before} for "today", "yesterday", "last<N>days" (the N
//	                 whole days before today, e.g. "last7days"), "thisWeek", "lastWeek"
//	                 (weeks start on Monday), "thisMonth", "lastMonth", "thisYear",
//	                 "lastYear"; range(d1, d2) covers the days from d1 to d2
//	parts(d)         {year, month (1-12), day, hour, minute, second, millisecond,
//	                 weekday (0 = Sunday)}: d's calendar fields in the instance's zone
//	timeZone         the zone's name, e.g. "Europe/Prague"
//
// A Date is a point in time: parse("2026-01-15 00:30:00") is 23:30 UTC on the 14th.
// Its own getDate, getHours, toString ... use the process's local zone, which the dkscript
// command sets to the instance's zone; a Go program embedding the runtime keeps its own.
// format and parts give the instance's calendar fields wherever the script runs.
package jsdates

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the default zone must load on systems without a zone database

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// DefaultZone is the time zone Daktela instances use unless configured otherwise.
const DefaultZone = daktela.DefaultTimezone

// Options configure the dates module.
type Options struct {
	// Location is the instance's time zone; nil means the host's (a
	// [bindings.TimeHost], such as the dkscript runtime with its Options.Location),
	// else [DefaultZone].
	Location *time.Location
	// Now returns the current time; nil means the host's clock (a [bindings.TimeHost]'s
	// Now, which the runtime may fix), else time.Now. Tests set it to get fixed ranges.
	Now func() time.Time
}

// New returns the dates module.
func New(opts Options) bindings.Module { return &module{opts: opts} }

type module struct{ opts Options }

// Name returns "dates".
func (m *module) Name() string { return "dates" }

// Layouts of the API's local date-times.
const (
	DateTimeLayout = "2006-01-02 15:04:05"
	DateLayout     = "2006-01-02"
)

// Instantiate builds the module's exports for one runtime.
func (m *module) Instantiate(h bindings.Host) (goja.Value, error) {
	loc := m.opts.Location
	if loc == nil {
		loc = bindings.HostLocation(h)
	}
	now := m.opts.Now
	if now == nil {
		now = bindings.HostNow(h)
	}
	vm := h.VM()
	d := &dates{vm: vm, loc: loc, now: now, dateCtor: vm.Get("Date")}
	return d.exports(), nil
}

type dates struct {
	vm       *goja.Runtime
	loc      *time.Location
	now      func() time.Time
	dateCtor goja.Value
}

func (d *dates) exports() *goja.Object {
	o := d.vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	set("format", func(c goja.FunctionCall) goja.Value {
		return d.vm.ToValue(d.time(c, 0, "format").Format(DateTimeLayout))
	})
	set("formatDate", func(c goja.FunctionCall) goja.Value {
		return d.vm.ToValue(d.time(c, 0, "formatDate").Format(DateLayout))
	})
	set("parse", func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) || (goja.IsString(v) && v.String() == "") {
			return goja.Null()
		}
		if !goja.IsString(v) {
			panic(d.vm.NewTypeError("dates.parse: value must be a string, got %s", bindings.Describe(v)))
		}
		t, err := d.parse(v.String())
		if err != nil {
			panic(d.rangeError("dates.parse: " + err.Error()))
		}
		return d.date(t)
	})
	set("now", func(goja.FunctionCall) goja.Value { return d.date(d.now().In(d.loc)) })
	set("today", func(goja.FunctionCall) goja.Value { return d.date(startOfDay(d.now().In(d.loc))) })
	set("yesterday", func(goja.FunctionCall) goja.Value {
		return d.date(startOfDay(d.now().In(d.loc)).AddDate(0, 0, -1))
	})
	set("startOfDay", func(c goja.FunctionCall) goja.Value { return d.date(startOfDay(d.time(c, 0, "startOfDay"))) })
	set("endOfDay", func(c goja.FunctionCall) goja.Value { return d.date(endOfDay(d.time(c, 0, "endOfDay"))) })
	set("addDays", func(c goja.FunctionCall) goja.Value {
		t := d.time(c, 0, "addDays")
		n := c.Argument(1)
		f := n.ToFloat()
		if !goja.IsNumber(n) || f != math.Trunc(f) || math.Abs(f) > 1e6 {
			panic(d.vm.NewTypeError("dates.addDays: days must be an integer, got %s", bindings.Describe(n)))
		}
		return d.date(t.AddDate(0, 0, int(f)))
	})
	set("range", d.rangeFn)
	set("parts", func(c goja.FunctionCall) goja.Value { return d.parts(d.time(c, 0, "parts")) })
	_ = o.Set("timeZone", d.loc.String())
	return o
}

// date makes a JavaScript Date of t.
func (d *dates) date(t time.Time) goja.Value {
	v, err := d.vm.New(d.dateCtor, d.vm.ToValue(t.UnixMilli()))
	if err != nil {
		panic(err)
	}
	return v
}

func (d *dates) rangeError(msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(d.vm.Get("RangeError"))
	e, err := ctor(nil, d.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return e
}

// time reads argument i as a point in time in the instance's zone: a Date, a number of
// milliseconds, or a string parse accepts.
func (d *dates) time(c goja.FunctionCall, i int, fn string) time.Time {
	v := c.Argument(i)
	switch {
	case goja.IsString(v):
		t, err := d.parse(v.String())
		if err != nil {
			panic(d.rangeError("dates." + fn + ": " + err.Error()))
		}
		return t
	case goja.IsNumber(v):
	case isDate(v):
	default:
		panic(d.vm.NewTypeError("dates.%s: date must be a Date, a number or a string, got %s", fn, bindings.Describe(v)))
	}
	ms := v.ToFloat()
	if math.IsNaN(ms) || math.IsInf(ms, 0) {
		panic(d.rangeError("dates." + fn + ": invalid date"))
	}
	return time.UnixMilli(int64(ms)).In(d.loc)
}

func isDate(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && o.ClassName() == "Date"
}

// localLayouts are the zone-less forms parse reads as local time, tried in order.
var localLayouts = []string{DateTimeLayout, "2006-01-02 15:04", DateLayout, "2006-01-02T15:04:05", "2006-01-02T15:04"}

// fraction matches a fractional second, which parse accepts after any layout with seconds.
var fraction = regexp.MustCompile(`[.,]\d{1,9}`)

// parse reads s as the API writes times, or as RFC 3339 with a zone.
func (d *dates) parse(s string) (time.Time, error) {
	t := strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, t); err == nil {
		return t.In(d.loc), nil
	}
	plain := fraction.ReplaceAllString(t, "")
	var frac time.Duration
	if m := fraction.FindString(t); m != "" {
		f, _ := strconv.ParseFloat("0."+m[1:], 64)
		frac = time.Duration(f * float64(time.Second))
	}
	for _, l := range localLayouts {
		if r, err := time.ParseInLocation(l, plain, d.loc); err == nil {
			return r.Add(frac), nil
		}
	}
	return time.Time{}, &parseError{s}
}

type parseError struct{ s string }

func (e *parseError) Error() string {
	return "cannot read " + strconv.Quote(e.s) + " as a date (expected \"YYYY-MM-DD HH:MM:SS\" or \"YYYY-MM-DD\")"
}

func startOfDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// endOfDay is the last whole second of t's day, as "lte" filters want it.
func endOfDay(t time.Time) time.Time {
	return startOfDay(t).AddDate(0, 0, 1).Add(-time.Second)
}

// parts returns t's calendar fields in the instance's zone as a plain object.
func (d *dates) parts(t time.Time) goja.Value {
	o := d.vm.NewObject()
	_ = o.Set("year", t.Year())
	_ = o.Set("month", int(t.Month()))
	_ = o.Set("day", t.Day())
	_ = o.Set("hour", t.Hour())
	_ = o.Set("minute", t.Minute())
	_ = o.Set("second", t.Second())
	_ = o.Set("millisecond", t.Nanosecond()/int(time.Millisecond))
	_ = o.Set("weekday", int(t.Weekday()))
	return o
}
