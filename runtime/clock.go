package runtime

import (
	"time"

	"github.com/dkscript/dkscript/bindings"
)

var _ bindings.TimeHost = host{}

// Location returns the instance's time zone: Options.Location, else
// bindings.DefaultLocation.
func (h host) Location() *time.Location {
	if h.r.opts.Location != nil {
		return h.r.opts.Location
	}
	return bindings.DefaultLocation()
}

// Now returns the current time.
func (h host) Now() time.Time { return time.Now() }
