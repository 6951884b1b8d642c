package bindings

import "time"

// TimerHost is implemented by hosts whose event loop can run a timer that does not keep
// a run alive, as Node's timer.unref() does: AbortSignal.timeout uses it, so a script
// that made a timeout signal ends when its other work does, not when the signal fires.
type TimerHost interface {
	Host
	// SetUnrefTimer runs fn on the runtime's goroutine after d, if the run is still
	// going then for other reasons and stop has not been called. Call it, and stop, on
	// the runtime's goroutine.
	SetUnrefTimer(d time.Duration, fn func() error) (stop func())
}
