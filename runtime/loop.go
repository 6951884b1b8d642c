package runtime

import (
	"container/heap"
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// eventLoop is one run's queue of work. Functions queued from other goroutines run on
// the runtime's goroutine in order; the loop also runs timers and immediates, and it
// keeps going while any registered callback (k6-style RegisterCallback) has not yet
// come back, so promises settled by goroutines are waited for.
//
// A new loop is made for every run: work queued by a goroutine after its run has ended
// goes to a closed loop and is dropped, so it cannot leak into the next run.
type eventLoop struct {
	mu      sync.Mutex
	queue   []func() error
	pending int // registered callbacks that have not been enqueued yet
	closed  bool
	wakeCh  chan struct{}

	// Used only on the runtime's goroutine.
	timers     timerHeap
	active     map[int]*timer // live timers and immediates by id
	unref      int            // how many of active do not keep the loop going
	immediates []*timer
	nextID     int
	seq        uint64
	// taskNow is the time the timers of the running task count from: when the task
	// set its first timer (zero until then). See taskTime.
	taskNow time.Time
}

func newEventLoop() *eventLoop {
	return &eventLoop{wakeCh: make(chan struct{}, 1), active: make(map[int]*timer)}
}

// taskTime returns the time the delays of timers set by the running task count from:
// the moment the task set its first timer. Timers one task sets are ordered by their
// delays alone, however long the task ran between setting them (Node's loop caches its
// time per turn the same way), so their order never depends on the machine's load.
func (l *eventLoop) taskTime() time.Time {
	if l.taskNow.IsZero() {
		l.taskNow = time.Now()
	}
	return l.taskNow
}

// wake makes a waiting loop look at its queue again. Safe from any goroutine.
func (l *eventLoop) wake() {
	select {
	case l.wakeCh <- struct{}{}:
	default:
	}
}

// register reserves a slot: the loop does not end until the returned function has been
// called (from any goroutine) with the work to run on the loop. A second call is
// ignored; a nil function just releases the slot.
func (l *eventLoop) register() func(func() error) {
	l.mu.Lock()
	l.pending++
	l.mu.Unlock()
	var done atomic.Bool
	return func(fn func() error) {
		if !done.CompareAndSwap(false, true) {
			return
		}
		l.mu.Lock()
		if l.closed {
			l.mu.Unlock()
			return
		}
		l.pending--
		if fn != nil {
			l.queue = append(l.queue, fn)
		}
		l.mu.Unlock()
		l.wake()
	}
}

func (l *eventLoop) take() []func() error {
	l.mu.Lock()
	q := l.queue
	l.queue = nil
	l.mu.Unlock()
	return q
}

// idle reports whether nothing is left: no queued work, no outstanding callbacks, no
// timers and no immediates.
func (l *eventLoop) idle() bool {
	if len(l.active) > l.unref {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue) == 0 && l.pending == 0
}

func (l *eventLoop) hasQueued() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue) > 0
}

// drop cancels a live timer and forgets it.
func (l *eventLoop) drop(t *timer) {
	t.cancelled = true
	delete(l.active, t.id)
	if t.unref {
		l.unref--
	}
}

// close drops everything still queued or scheduled; later enqueues are ignored.
func (l *eventLoop) close() {
	l.mu.Lock()
	l.closed = true
	l.queue = nil
	l.pending = 0
	l.mu.Unlock()
	l.timers = nil
	l.immediates = nil
	clear(l.active)
	l.unref = 0
}

// run drives the loop until it is idle, ctx is done or a task fails. call runs one task
// on the VM and reports failures, including unhandled rejections noticed after it.
func (l *eventLoop) run(ctx context.Context, call func(func() error) error) error {
	var tm *time.Timer
	defer func() {
		if tm != nil {
			tm.Stop()
		}
	}()
	runOne := func(fn func() error) error {
		l.taskNow = time.Time{} // a new task: its timers count from their own start
		return call(fn)
	}
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// 1. Work queued by callbacks and goroutines.
		for _, fn := range l.take() {
			if err := runOne(fn); err != nil {
				return err
			}
		}
		// 2. Immediates set before this point (before timers, so that their order
		// against timers does not depend on how long the script took).
		if imm := l.immediates; len(imm) > 0 {
			l.immediates = nil
			for _, t := range imm {
				if t.cancelled {
					continue
				}
				delete(l.active, t.id)
				if err := runOne(t.fire); err != nil {
					return err
				}
			}
		}
		// 3. Timers that are due.
		now := time.Now()
		for len(l.timers) > 0 && !l.timers[0].when.After(now) {
			t := heap.Pop(&l.timers).(*timer)
			if t.cancelled {
				continue
			}
			if !t.interval {
				delete(l.active, t.id)
				if t.unref {
					l.unref--
				}
			}
			if err := runOne(t.fire); err != nil {
				return err
			}
			if t.interval && !t.cancelled {
				t.when = time.Now().Add(t.delay)
				l.seq++
				t.seq = l.seq
				heap.Push(&l.timers, t)
			}
		}
		if l.idle() {
			return nil
		}
		if len(l.immediates) > 0 || l.hasQueued() {
			continue
		}
		// Wait for a goroutine, the next timer or the end of the run.
		for len(l.timers) > 0 && l.timers[0].cancelled {
			heap.Pop(&l.timers)
		}
		var timerC <-chan time.Time
		if len(l.timers) > 0 {
			d := time.Until(l.timers[0].when)
			if d <= 0 {
				continue
			}
			if tm == nil {
				tm = time.NewTimer(d)
			} else {
				tm.Reset(d)
			}
			timerC = tm.C
		}
		select {
		case <-l.wakeCh:
		case <-timerC:
		case <-ctx.Done():
		}
		if tm != nil {
			tm.Stop()
		}
	}
}
