package daktela

import (
	"strings"
	"sync"
	"sync/atomic"
)

// modelWrites counts the writes a client has sent to one model: how many it has started
// and how many have not yet been answered. A multi-page read of the model compares the
// count before and after each page to know whether the script's own writes may have
// shifted the result set under its offsets (see [Client.Iterate]).
type modelWrites struct {
	started  atomic.Uint64
	inFlight atomic.Int64
}

// writtenModels holds a client's write counts, by model.
type writtenModels struct {
	byModel sync.Map // modelKey -> *modelWrites
}

// modelKey is the key a model's writes are counted under: its URL name in lower case, so
// "Contacts" and "contacts" are one model.
func modelKey(model string) string { return strings.ToLower(model) }

// of returns the counts of model, creating them on first use.
func (w *writtenModels) of(model string) *modelWrites {
	key := modelKey(model)
	if v, ok := w.byModel.Load(key); ok {
		return v.(*modelWrites)
	}
	v, _ := w.byModel.LoadOrStore(key, new(modelWrites))
	return v.(*modelWrites)
}

// begin records that a write to model is about to be sent; the returned function records
// that it has been answered (or failed).
func (w *writtenModels) begin(model string) (end func()) {
	mw := w.of(model)
	// In flight before started: a read that sees the new start count also sees the
	// write in flight (see pager.run).
	mw.inFlight.Add(1)
	mw.started.Add(1)
	return func() { mw.inFlight.Add(-1) }
}

// WritesSent returns how many creates, updates and deletes of model this client has sent
// (the model name in any case of its first letter, as in URLs; writes held back in
// dry-run mode are not sent and not counted). A multi-page read of a model the client
// writes to while the read is under way continues after the last record it delivered
// instead of at an offset (see [Client.Iterate]).
func (c *Client) WritesSent(model string) uint64 { return c.writes.of(model).started.Load() }
