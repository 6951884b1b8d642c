package daktela

import (
	"context"
	"sort"
	"sync"
)

// WritesInFlight keeps the creates, updates and deletes that have been sent on a context
// and have no answer yet. A host that stops its work by cancelling that context (a
// timeout, Ctrl-C) asks it which writes were cut off: each may or may not have been
// applied by the server, as a write whose connection broke ([ErrOutcomeUnknown]). The
// zero value is ready to use and safe for concurrent use.
type WritesInFlight struct {
	mu   sync.Mutex
	next int
	m    map[int]string
}

type writesInFlightKey struct{}

// WithWritesInFlight returns ctx with w: every write a [Client] sends with the returned
// context (or one derived from it) is in w from when its request was written until its
// answer arrives, and stays in w if ctx ends before that.
func WithWritesInFlight(ctx context.Context, w *WritesInFlight) context.Context {
	return context.WithValue(ctx, writesInFlightKey{}, w)
}

// WritesInFlightOf returns the WritesInFlight ctx carries, or nil.
func WritesInFlightOf(ctx context.Context) *WritesInFlight {
	w, _ := ctx.Value(writesInFlightKey{}).(*WritesInFlight)
	return w
}

// List returns the writes in flight, as "METHOD path" (e.g. "POST contacts.json"), in
// the order they were sent.
func (w *WritesInFlight) List() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	ids := make([]int, 0, len(w.m))
	for id := range w.m {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = w.m[id]
	}
	return out
}

func (w *WritesInFlight) add(what string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.m == nil {
		w.m = make(map[int]string)
	}
	w.next++
	w.m[w.next] = what
	return w.next
}

func (w *WritesInFlight) remove(id int) {
	w.mu.Lock()
	delete(w.m, id)
	w.mu.Unlock()
}

// writeInFlight tracks one attempt of a write on ctx's WritesInFlight, if it has one:
// sent marks the request written (call it once, from net/http's trace), and done, called
// when the attempt is over, drops it unless ctx ended with no answer.
type writeInFlight struct {
	w    *WritesInFlight
	what string
	once sync.Once
	mu   sync.Mutex
	id   int
}

func trackWrite(ctx context.Context, method, path string) *writeInFlight {
	w := WritesInFlightOf(ctx)
	if w == nil {
		return nil
	}
	return &writeInFlight{w: w, what: method + " " + path}
}

func (t *writeInFlight) sent() {
	if t == nil {
		return
	}
	t.once.Do(func() {
		t.mu.Lock()
		t.id = t.w.add(t.what)
		t.mu.Unlock()
	})
}

func (t *writeInFlight) done(ctx context.Context, answered bool) {
	if t == nil {
		return
	}
	t.mu.Lock()
	id := t.id
	t.mu.Unlock()
	if id != 0 && (answered || ctx.Err() == nil) {
		t.w.remove(id)
	}
}
