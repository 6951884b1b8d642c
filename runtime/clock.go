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

// Now returns the current time: Options.Now when it is set.
func (h host) Now() time.Time {
	if !h.r.opts.Now.IsZero() {
		return h.r.opts.Now
	}
	return time.Now()
}

// installClock makes Date.now() and new Date() read Options.Now when it is set.
func (r *Runtime) installClock() {
	if at := r.opts.Now; !at.IsZero() {
		r.vm.SetTimeSource(func() time.Time { return at })
	}
}
