package daktela

import "time"

// DefaultTimezone is the time zone of a Daktela instance unless configured otherwise:
// Czech cloud instances run in it, and their date-times ("YYYY-MM-DD HH:MM:SS", no
// zone given) are local times there.
const DefaultTimezone = "Europe/Prague"

// SetTimezone makes the client send loc's name (e.g. "Europe/Prague") as the
// x-timezone-client header of every request, so the server reads the date-times it is
// sent, and writes those it answers, in that zone; the answers' _timezone then names it.
// nil, the default, sends no header: the server uses the instance's own zone.
func (a *ApiCommunicator) SetTimezone(loc *time.Location) {
	a.update(func(s *settings) { s.timezone = loc })
}

// Timezone returns the zone set with SetTimezone, or nil.
func (a *ApiCommunicator) Timezone() *time.Location { return a.snapshot().timezone }

// SetTimezoneCheck sets fn, called with the zone the _timezone member names in every 2xx
// answer that has one (nil, the default: none). A host compares it with the zone its
// scripts' dates use and warns when they differ: the server would read and write times
// in another zone. fn may be called from several goroutines at once.
func (a *ApiCommunicator) SetTimezoneCheck(fn func(zone string)) {
	a.update(func(s *settings) { s.timezoneCheck = fn })
}

// Timezone returns the zone the answer's _timezone member names ("" when it has none,
// and for the combined answer of a TypeAll read).
func (r *Response) Timezone() string { return r.timezone }

// Time returns the answer's _time member: the server's clock when it answered, as
// "YYYY-MM-DD HH:MM:SS" in the zone Timezone names ("" when the answer has none, and for
// the combined answer of a TypeAll read).
func (r *Response) Time() string { return r.time }
