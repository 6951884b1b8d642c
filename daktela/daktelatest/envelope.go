package daktelatest

import (
	"sync"
	"time"
	_ "time/tzdata" // Europe/Prague must load on machines without a zoneinfo database
)

// Timezone is the instance time zone the fake server reports in _timezone and uses for
// every datetime, as Czech cloud instances do.
const Timezone = "Europe/Prague"

// prague returns the instance zone, loaded on first use: loading it reads the zone
// database, and a program that links the fake but never starts it (dkscript without
// --mock) should not pay for that at start-up.
var prague = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(Timezone)
	if err != nil {
		panic("daktelatest: cannot load time zone " + Timezone + ": " + err.Error())
	}
	return loc
})

// reply is an answer before delivery: faults may rewrite or drop it.
type reply struct {
	status     int
	body       *[]byte // pooled; nil for an empty body (204)
	retryAfter string  // Retry-After header, when set
	html       bool    // text/html (a proxy's error page)
}

// envelopeStart begins a success envelope: {"error":[],"result":
func envelopeStart(b []byte) []byte { return append(b, `{"error":[],"result":`...) }

// envelopeEnd closes an envelope with _time, _serverTime and _timezone.
func envelopeEnd(b []byte, now time.Time) []byte {
	ts := now.In(prague()).Format(dateLayout)
	b = append(b, `,"_time":"`...)
	b = append(b, ts...)
	b = append(b, `","_serverTime":"`...)
	b = append(b, ts...)
	b = append(b, `","_timezone":"`+Timezone+`"}`...)
	return b
}

// errorReply builds {"error":[msgs...],"result":null,...} with the given status.
func errorReply(status int, now time.Time, msgs ...string) reply {
	bp := getBuf()
	b := append((*bp)[:0], `{"error":`...)
	b = appendStrings(b, msgs)
	b = append(b, `,"result":null`...)
	b = envelopeEnd(b, now)
	*bp = b
	return reply{status: status, body: bp}
}

// notFound is the API's answer for an unknown record.
func notFound(now time.Time) reply { return errorReply(404, now, "Object not exist") }
