package jsdates_test

import (
	"testing"
	"time"
)

// TestPartsInInstanceZone: dates.parts gives the calendar fields in the instance's zone,
// whatever the process's local zone: "2026-01-15 00:30:00" read in Prague is the 15th
// there, though it is 23:30 on the 14th in UTC.
func TestPartsInInstanceZone(t *testing.T) {
	h := newDates(t, "2026-01-15 12:00:00", nil)
	got := h.Run(t, `var p = dates.parts(dates.parse("2026-01-15 00:30:00"));
		[p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond, p.weekday].join(",")`).String()
	if want := "2026,1,15,0,30,0,0,4"; got != want {
		t.Errorf("parts = %s, want %s", got, want)
	}
	if iso := h.Run(t, `dates.parse("2026-01-15 00:30:00").toISOString()`).String(); iso != "2026-01-14T23:30:00.000Z" {
		t.Errorf("the Date is %s, want the instant 2026-01-14T23:30:00.000Z", iso)
	}
	// In another instance zone, the same instant has other fields.
	utc := newDates(t, "2026-01-15 12:00:00", time.UTC)
	got = utc.Run(t, `var p = dates.parts(new Date("2026-01-14T23:30:00.250Z")); [p.day, p.hour, p.millisecond, p.weekday].join(",")`).String()
	if want := "14,23,250,3"; got != want {
		t.Errorf("parts in UTC = %s, want %s", got, want)
	}
}
