package daktela

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the zones the test loads, on machines without a zone database
)

// TestTimezoneHeaderAndCheck: SetTimezone sends x-timezone-client with every request
// (none without it), and SetTimezoneCheck gets each 2xx answer's _timezone, which
// Response.Timezone also reports.
func TestTimezoneHeaderAndCheck(t *testing.T) {
	var mu sync.Mutex
	var headers []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		headers = append(headers, r.Header.Get("x-timezone-client"))
		mu.Unlock()
		zone := r.Header.Get("x-timezone-client")
		if zone == "" {
			zone = "Europe/Prague"
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"error":[],"result":{"data":[],"total":0},"_time":"2026-01-15 12:00:00","_timezone":"` + zone + `"}`))
	}))
	defer srv.Close()

	c := NewClient(srv.URL, "tok")
	var seen []string
	c.ApiCommunicator().SetTimezoneCheck(func(zone string) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, zone)
	})
	ctx := context.Background()
	res, err := c.Execute(ctx, NewReadRequest("users"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Timezone() != "Europe/Prague" {
		t.Errorf("Timezone() = %q, want Europe/Prague", res.Timezone())
	}
	if c.ApiCommunicator().Timezone() != nil {
		t.Errorf("Timezone() before SetTimezone = %v, want nil", c.ApiCommunicator().Timezone())
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	c.ApiCommunicator().SetTimezone(ny)
	if res, err = c.Execute(ctx, NewReadRequest("users")); err != nil {
		t.Fatal(err)
	}
	if res.Timezone() != "America/New_York" {
		t.Errorf("Timezone() = %q after SetTimezone, want America/New_York", res.Timezone())
	}
	if got := c.ApiCommunicator().Timezone(); got != ny {
		t.Errorf("Timezone() = %v, want %v", got, ny)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"", "America/New_York"}; !slices.Equal(headers, want) {
		t.Errorf("x-timezone-client headers %q, want %q", headers, want)
	}
	if want := []string{"Europe/Prague", "America/New_York"}; !slices.Equal(seen, want) {
		t.Errorf("SetTimezoneCheck saw %q, want %q", seen, want)
	}
}
