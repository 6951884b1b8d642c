package daktelatest

import (
	"testing"
	"time"
)

// newestActivity returns the latest activity time of srv's data set.
func newestActivity(t *testing.T, srv *Server) string {
	t.Helper()
	lr := list(t, srv, "activities.json?take=1&sort[0][field]=time&sort[0][dir]=desc&fields[0]=time")
	if len(lr.Data) != 1 {
		t.Fatalf("no activities: %+v", lr)
	}
	return lr.Data[0]["time"].(string)
}

// TestClockAndAnchor: the demo data set ends at the anchor (the fixed DemoAnchor by
// default, Now() when a clock is given, Options.Anchor when set), and a fixed clock is
// what answers and writes say the time is.
func TestClockAndAnchor(t *testing.T) {
	day := func(ts string) string { return ts[:10] }

	def := NewServer(Options{})
	defer def.Close()
	if got, want := newestActivity(t, def), DemoAnchor().Format(dateLayout); got > want || day(got) < "2026-01-14" {
		t.Errorf("default data ends at %s, want just before %s", got, want)
	}

	at := time.Date(2031, 6, 1, 10, 0, 0, 0, prague())
	fixed := NewServer(Options{Now: func() time.Time { return at }})
	defer fixed.Close()
	newest := newestActivity(t, fixed)
	if newest > "2031-06-01 10:00:00" || day(newest) < "2031-05-31" {
		t.Errorf("with a fixed clock the data ends at %s, want just before 2031-06-01 10:00:00", newest)
	}
	// Last month (May 2031) has data, as a report of dates.range("lastMonth") needs.
	lr := list(t, fixed, "activities.json?take=1&filter[logic]=and&filter[filters][0][field]=time&filter[filters][0][operator]=gte&filter[filters][0][value]=2031-05-01%2000:00:00&filter[filters][1][field]=time&filter[filters][1][operator]=lt&filter[filters][1][value]=2031-06-01%2000:00:00")
	if lr.Total == 0 {
		t.Errorf("no activities in the month before the clock")
	}
	st, e := api(t, fixed, "POST", "contacts.json", `{"firstname":"Made","lastname":"At a fixed time"}`)
	if st != 201 {
		t.Fatalf("create: %d %s", st, e.Error)
	}
	if got := recordOf(t, e)["created"]; got != "2031-06-01 10:00:00" {
		t.Errorf("created %v, want the fixed clock's 2031-06-01 10:00:00", got)
	}
	if e.Time != "2031-06-01 10:00:00" {
		t.Errorf("_time %q, want the fixed clock's", e.Time)
	}

	anchored := NewServer(Options{Anchor: time.Date(2027, 3, 10, 0, 0, 0, 0, prague())})
	defer anchored.Close()
	if got := newestActivity(t, anchored); got >= "2027-03-10 00:00:00" || day(got) < "2027-03-09" {
		t.Errorf("anchored data ends at %s, want the day before 2027-03-10", got)
	}
}
