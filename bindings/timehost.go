package bindings

import (
	"sync"
	"time"
	_ "time/tzdata" // the default zone must load on machines without a zone database

	"github.com/dkscript/dkscript/daktela"
)

// TimeHost is a [Host] that knows the Daktela instance's time zone and the current time.
// The dkscript runtime is one. Modules that turn JavaScript Dates into the API's local
// date-times ("YYYY-MM-DD HH:MM:SS" in the instance's zone) and back use it through
// [HostLocation] and [HostNow].
type TimeHost interface {
	Host
	// Location returns the instance's time zone.
	Location() *time.Location
	// Now returns the current time: a fixed instant when the host pins its clock.
	Now() time.Time
}

var defaultLocation = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(daktela.DefaultTimezone)
	if err != nil {
		panic("bindings: cannot load the time zone " + daktela.DefaultTimezone + ": " + err.Error())
	}
	return loc
})

// DefaultLocation returns [daktela.DefaultTimezone] loaded (from the zone database
// embedded in the program when the machine has none).
func DefaultLocation() *time.Location { return defaultLocation() }

// HostLocation returns the instance's time zone h knows, or [DefaultLocation] when h is
// not a [TimeHost] or names none.
func HostLocation(h Host) *time.Location {
	if th, ok := h.(TimeHost); ok {
		if loc := th.Location(); loc != nil {
			return loc
		}
	}
	return DefaultLocation()
}

// HostNow returns the function that tells the current time for h: its Now when h is a
// [TimeHost], else time.Now.
func HostNow(h Host) func() time.Time {
	if th, ok := h.(TimeHost); ok {
		return th.Now
	}
	return time.Now
}
