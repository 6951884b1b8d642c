package jsdates

import (
	"regexp"
	"strconv"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// span is a run of whole local days: from the midnight starting the first to the
// midnight after the last.
type span struct{ start, end time.Time }

var lastNDays = regexp.MustCompile(`^last(\d{1,4})days$`)

// named returns the span a range name stands for, relative to now (in the zone).
func named(name string, now time.Time) (span, bool) {
	today := startOfDay(now)
	day := func(n int) time.Time { return today.AddDate(0, 0, n) }
	monday := day(-((int(today.Weekday()) + 6) % 7))
	month := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, today.Location())
	year := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, today.Location())
	switch name {
	case "today":
		return span{today, day(1)}, true
	case "yesterday":
		return span{day(-1), today}, true
	case "thisWeek":
		return span{monday, monday.AddDate(0, 0, 7)}, true
	case "lastWeek":
		return span{monday.AddDate(0, 0, -7), monday}, true
	case "thisMonth":
		return span{month, month.AddDate(0, 1, 0)}, true
	case "lastMonth":
		return span{month.AddDate(0, -1, 0), month}, true
	case "thisYear":
		return span{year, year.AddDate(1, 0, 0)}, true
	case "lastYear":
		return span{year.AddDate(-1, 0, 0), year}, true
	}
	if m := lastNDays.FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n > 0 {
			return span{day(-n), today}, true
		}
	}
	return span{}, false
}

// rangeFn is dates.range(name) or dates.range(d1, d2).
func (d *dates) rangeFn(c goja.FunctionCall) goja.Value {
	var s span
	if len(c.Arguments) >= 2 {
		from, to := d.time(c, 0, "range"), d.time(c, 1, "range")
		if to.Before(from) {
			panic(d.rangeError("dates.range: the end " + to.Format(DateTimeLayout) + " is before the start " + from.Format(DateTimeLayout)))
		}
		s = span{startOfDay(from), startOfDay(to).AddDate(0, 0, 1)}
	} else {
		v := c.Argument(0)
		if !goja.IsString(v) {
			panic(d.vm.NewTypeError("dates.range: name must be a string, got %s", bindings.Describe(v)))
		}
		var ok bool
		if s, ok = named(v.String(), d.now().In(d.loc)); !ok {
			panic(d.rangeError("dates.range: unknown range " + strconv.Quote(v.String()) +
				` (use "today", "yesterday", "last7days" or any "last<N>days", "thisWeek", "lastWeek", "thisMonth", "lastMonth", "thisYear", "lastYear", or two dates)`))
		}
	}
	r := d.vm.NewObject()
	_ = r.Set("from", s.start.Format(DateTimeLayout))
	_ = r.Set("to", s.end.Add(-time.Second).Format(DateTimeLayout))
	_ = r.Set("before", s.end.Format(DateTimeLayout))
	return r
}
