package daktela

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// idleTimer ends a download that stalls: the request timeout bounds the wait for the
// answer's headers and then each wait for more of its body, not the whole transfer (a
// large recording may take longer than any sensible request timeout).
type idleTimer struct {
	d     time.Duration
	t     *time.Timer
	fired atomic.Bool
}

// newIdleTimer calls cancel when d passes without progress (d <= 0: never).
func newIdleTimer(d time.Duration, cancel context.CancelFunc) *idleTimer {
	it := &idleTimer{d: d}
	if d > 0 {
		it.t = time.AfterFunc(d, func() { it.fired.Store(true); cancel() })
	}
	return it
}

func (it *idleTimer) stop() {
	if it.t != nil {
		it.t.Stop()
	}
}

// reader returns r with every read restarting the timer.
func (it *idleTimer) reader(r io.Reader) io.Reader {
	if it.t == nil {
		return r
	}
	return idleReader{r: r, it: it}
}

// explain says that err came from the timer when it did.
func (it *idleTimer) explain(ctx context.Context, err error) error {
	if it.fired.Load() && ctx.Err() == nil {
		return fmt.Errorf("nothing arrived within the request timeout of %s: %w", it.d, err)
	}
	return err
}

type idleReader struct {
	r  io.Reader
	it *idleTimer
}

func (r idleReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.it.t.Reset(r.it.d)
	}
	return n, err
}
