package main

import (
	"fmt"
	"sync/atomic"
	"time"
	_ "time/tzdata" // --timezone zones must load on machines without a zone database

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
)

// instanceZone is the Daktela instance's time zone for one run: the one setting that
// Dates sent to the API, the dates module, a Date's local-time methods and the REPL use.
type instanceZone struct {
	loc  *time.Location
	from string // "--timezone", "profile NAME", or "" for the default
}

// loadZone loads an IANA zone name given by from, refusing "" and "Local" (the
// machine's zone is what the setting exists to get away from).
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("want an IANA time zone name such as Europe/Prague")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone (want an IANA name such as Europe/Prague)")
	}
	return loc, nil
}

// resolveZone picks the instance's zone: --timezone, else the profile's timezone, else
// daktela.DefaultTimezone.
func resolveZone(f *runFlags, conn *connection) (instanceZone, error) {
	switch {
	case f.timezone != "":
		loc, err := loadZone(f.timezone)
		if err != nil {
			return instanceZone{}, usagef("", "invalid value %q for flag --timezone: %v", f.timezone, err)
		}
		return instanceZone{loc: loc, from: "--timezone"}, nil
	case conn != nil && conn.Timezone != "":
		loc, err := loadZone(conn.Timezone)
		if err != nil {
			return instanceZone{}, configErrorf("%s timezone %q: %v", conn.TimezoneFrom, conn.Timezone, err)
		}
		return instanceZone{loc: loc, from: conn.TimezoneFrom}, nil
	}
	return instanceZone{loc: bindings.DefaultLocation()}, nil
}

// configure returns next followed by the zone's client settings: a zone that was set
// is sent as x-timezone-client, and the first answer whose _timezone names another
// zone gets one warning on stderr for the whole run (every client shares it).
func (z instanceZone) configure(st *state, next func(*daktela.Client)) func(*daktela.Client) {
	var warned atomic.Bool
	want := z.loc.String()
	check := func(zone string) {
		if zone == want || !warned.CompareAndSwap(false, true) {
			return
		}
		if z.from != "" {
			fmt.Fprintf(st.Stderr, "dkscript: warning: the server answers in time zone %s (_timezone), not %s asked by %s: the times it reads and writes may be off by the difference\n", zone, want, z.from)
			return
		}
		fmt.Fprintf(st.Stderr, "dkscript: warning: the server answers in time zone %s (_timezone) but this run's dates use %s: set --timezone %s (or timezone in the profile)\n", zone, want, zone)
	}
	return func(c *daktela.Client) {
		next(c)
		comm := c.ApiCommunicator()
		if z.from != "" {
			comm.SetTimezone(z.loc)
		}
		comm.SetTimezoneCheck(check)
	}
}
