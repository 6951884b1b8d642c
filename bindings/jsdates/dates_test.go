package jsdates_test

import (
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings/jsdates"
)

func prague(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Prague")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// newDates returns a host whose dates module believes it is now (Prague time).
func newDates(t *testing.T, now string, loc *time.Location) *bindingstest.Host {
	t.Helper()
	zone := loc
	if zone == nil {
		zone = prague(t)
	}
	at, err := time.ParseInLocation("2006-01-02 15:04:05", now, zone)
	if err != nil {
		t.Fatal(err)
	}
	h := bindingstest.New(t, jsdates.New(jsdates.Options{Location: loc, Now: func() time.Time { return at }}))
	h.Run(t, `var dates = require("dates");`)
	return h
}

func TestRanges(t *testing.T) {
	cases := []struct{ now, name, want string }{
		// Monday after the spring daylight-saving change (29 March 2026 had 23 hours).
		{"2026-03-30 10:00:00", "today", "2026-03-30 00:00:00|2026-03-30 23:59:59|2026-03-31 00:00:00"},
		{"2026-03-30 10:00:00", "yesterday", "2026-03-29 00:00:00|2026-03-29 23:59:59|2026-03-30 00:00:00"},
		{"2026-03-30 10:00:00", "last7days", "2026-03-23 00:00:00|2026-03-29 23:59:59|2026-03-30 00:00:00"},
		{"2026-03-30 10:00:00", "last30days", "2026-02-28 00:00:00|2026-03-29 23:59:59|2026-03-30 00:00:00"},
		{"2026-03-30 10:00:00", "thisWeek", "2026-03-30 00:00:00|2026-04-05 23:59:59|2026-04-06 00:00:00"},
		{"2026-03-30 10:00:00", "lastWeek", "2026-03-23 00:00:00|2026-03-29 23:59:59|2026-03-30 00:00:00"},
		{"2026-03-30 10:00:00", "thisMonth", "2026-03-01 00:00:00|2026-03-31 23:59:59|2026-04-01 00:00:00"},
		{"2026-03-30 10:00:00", "lastMonth", "2026-02-01 00:00:00|2026-02-28 23:59:59|2026-03-01 00:00:00"},
		{"2026-03-30 10:00:00", "thisYear", "2026-01-01 00:00:00|2026-12-31 23:59:59|2027-01-01 00:00:00"},
		{"2026-03-30 10:00:00", "lastYear", "2025-01-01 00:00:00|2025-12-31 23:59:59|2026-01-01 00:00:00"},
		// A Sunday belongs to the week that began on the Monday before.
		{"2026-03-29 23:30:00", "thisWeek", "2026-03-23 00:00:00|2026-03-29 23:59:59|2026-03-30 00:00:00"},
		// Just after midnight, yesterday is the whole previous day.
		{"2026-01-01 00:00:30", "yesterday", "2025-12-31 00:00:00|2025-12-31 23:59:59|2026-01-01 00:00:00"},
		{"2026-01-15 08:00:00", "lastMonth", "2025-12-01 00:00:00|2025-12-31 23:59:59|2026-01-01 00:00:00"},
		{"2024-03-10 08:00:00", "lastMonth", "2024-02-01 00:00:00|2024-02-29 23:59:59|2024-03-01 00:00:00"},
	}
	for _, c := range cases {
		h := newDates(t, c.now, nil)
		got := h.Run(t, `var r = dates.range("`+c.name+`"); [r.from, r.to, r.before].join("|")`).String()
		if got != c.want {
			t.Errorf("at %s range(%q)\n got  %s\n want %s", c.now, c.name, got, c.want)
		}
	}
}

func TestFormatParse(t *testing.T) {
	h := newDates(t, "2026-03-30 10:00:00", nil)
	cases := []struct{ src, want string }{
		{`dates.format(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))`, "2026-01-02 04:04:05"},
		{`dates.format(new Date(Date.UTC(2026, 6, 2, 3, 4, 5)))`, "2026-07-02 05:04:05"},
		{`dates.format(Date.UTC(2026, 6, 2, 3, 4, 5))`, "2026-07-02 05:04:05"},
		{`dates.format("2026-07-02T03:04:05Z")`, "2026-07-02 05:04:05"},
		{`dates.formatDate(new Date(Date.UTC(2026, 0, 1, 23, 30)))`, "2026-01-02"},
		{`dates.parse("2026-07-01 12:00:00").toISOString()`, "2026-07-01T10:00:00.000Z"},
		{`dates.parse("2026-01-01 12:00:00").toISOString()`, "2026-01-01T11:00:00.000Z"},
		{`dates.parse("2026-07-01 12:00").toISOString()`, "2026-07-01T10:00:00.000Z"},
		{`dates.parse("2026-07-01").toISOString()`, "2026-06-30T22:00:00.000Z"},
		{`dates.parse("2026-07-01T12:00:00").toISOString()`, "2026-07-01T10:00:00.000Z"},
		{`dates.parse("2026-07-01 12:00:00.250").toISOString()`, "2026-07-01T10:00:00.250Z"},
		{`dates.parse("2026-07-01T12:00:00+05:00").toISOString()`, "2026-07-01T07:00:00.000Z"},
		{`dates.parse(" 2026-07-01T12:00:00Z ").toISOString()`, "2026-07-01T12:00:00.000Z"},
		{`String(dates.parse(null)) + String(dates.parse(undefined)) + String(dates.parse(""))`, "nullnullnull"},
		{`dates.parse("2026-07-01 12:00:00") instanceof Date`, "true"},
		{`dates.format(dates.parse("2026-10-25 02:30:00"))`, "2026-10-25 02:30:00"},
		{`dates.format(dates.now())`, "2026-03-30 10:00:00"},
		{`dates.format(dates.today())`, "2026-03-30 00:00:00"},
		{`dates.format(dates.yesterday())`, "2026-03-29 00:00:00"},
		{`dates.format(dates.startOfDay("2026-03-29 15:00:00"))`, "2026-03-29 00:00:00"},
		{`dates.format(dates.endOfDay("2026-03-29 15:00:00"))`, "2026-03-29 23:59:59"},
		// The day of the spring change has 23 hours; calendar days keep the wall clock.
		{`(dates.endOfDay("2026-03-29") - dates.startOfDay("2026-03-29") + 1000) / 3600000`, "23"},
		{`dates.format(dates.addDays("2026-03-28 12:00:00", 1))`, "2026-03-29 12:00:00"},
		{`(dates.addDays("2026-03-28 12:00:00", 1) - dates.parse("2026-03-28 12:00:00")) / 3600000`, "23"},
		{`dates.format(dates.addDays(dates.today(), -31))`, "2026-02-27 00:00:00"},
		{`dates.formatDate(dates.addDays("2026-12-31", 1))`, "2027-01-01"},
		{`var r = dates.range("2026-03-01", new Date(Date.UTC(2026, 2, 3, 12))); r.from + "|" + r.to + "|" + r.before`,
			"2026-03-01 00:00:00|2026-03-03 23:59:59|2026-03-04 00:00:00"},
		{`dates.timeZone`, "Europe/Prague"},
	}
	for _, c := range cases {
		if got := h.Run(t, c.src).String(); got != c.want {
			t.Errorf("%s\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

func TestOtherZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	h := newDates(t, "2026-03-08 12:00:00", ny)
	got := h.Run(t, `var r = dates.range("yesterday"); [dates.timeZone, r.from, dates.format(new Date(Date.UTC(2026, 0, 2, 3, 4, 5))), dates.parse("2026-01-02 00:00:00").toISOString()].join("|")`).String()
	if got != "America/New_York|2026-03-07 00:00:00|2026-01-01 22:04:05|2026-01-02T05:00:00.000Z" {
		t.Fatalf("got %s", got)
	}
}

func TestRealClock(t *testing.T) {
	h := bindingstest.New(t, jsdates.New(jsdates.Options{}))
	got := h.Run(t, `require("dates").format(require("dates").now())`).String()
	parsed, err := time.ParseInLocation("2006-01-02 15:04:05", got, prague(t))
	if err != nil || time.Since(parsed).Abs() > time.Minute {
		t.Fatalf("now() = %s (%v)", got, err)
	}
}

func TestErrors(t *testing.T) {
	h := newDates(t, "2026-03-30 10:00:00", nil)
	cases := []struct{ src, name, msg string }{
		{`dates.parse("31.1.2026")`, "RangeError", `dates.parse: cannot read "31.1.2026" as a date (expected "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD")`},
		{`dates.parse("2026-02-30")`, "RangeError", `dates.parse: cannot read "2026-02-30" as a date`},
		{`dates.parse(5)`, "TypeError", "dates.parse: value must be a string, got 5"},
		{`dates.format()`, "TypeError", "dates.format: date must be a Date, a number or a string, got undefined"},
		{`dates.format({})`, "TypeError", "dates.format: date must be a Date, a number or a string, got an object"},
		{`dates.format(new Date("nonsense"))`, "RangeError", "dates.format: invalid date"},
		{`dates.format(NaN)`, "RangeError", "dates.format: invalid date"},
		{`dates.formatDate("yesterday")`, "RangeError", `dates.formatDate: cannot read "yesterday" as a date`},
		{`dates.addDays(dates.today(), 1.5)`, "TypeError", "dates.addDays: days must be an integer, got 1.5"},
		{`dates.addDays(dates.today())`, "TypeError", "dates.addDays: days must be an integer, got undefined"},
		{`dates.addDays(dates.today(), "1")`, "TypeError", `dates.addDays: days must be an integer, got "1"`},
		{`dates.range("lastweek")`, "RangeError", `dates.range: unknown range "lastweek" (use "today", "yesterday", "last7days"`},
		{`dates.range("last0days")`, "RangeError", `dates.range: unknown range "last0days"`},
		{`dates.range()`, "TypeError", "dates.range: name must be a string, got undefined"},
		{`dates.range("2026-03-05", "2026-03-01")`, "RangeError", "dates.range: the end 2026-03-01 00:00:00 is before the start 2026-03-05 00:00:00"},
		{`dates.startOfDay(null)`, "TypeError", "dates.startOfDay: date must be a Date, a number or a string, got null"},
	}
	for _, c := range cases {
		e := h.Throws(t, c.src)
		if bindingstest.Prop(e, "name") != c.name || !strings.HasPrefix(bindingstest.Prop(e, "message"), c.msg) {
			t.Errorf("%s\n got  %s: %s\n want %s: %s", c.src, bindingstest.Prop(e, "name"), bindingstest.Prop(e, "message"), c.name, c.msg)
		}
	}
}
