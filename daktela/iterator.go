package daktela

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
)

// DefaultPageSize is the page size of [Client.Iterate] unless PageSize changes it: the
// API's maximum, so a read takes as few requests as possible.
const DefaultPageSize = MaxTake

// Iterator streams the records of a read page by page. Get one from [Client.Iterate].
// Each use (All, Pages, First, ...) reads afresh; an Iterator may be used from one
// goroutine at a time.
type Iterator struct {
	c   *Client
	ctx context.Context
	req *ReadRequest
	cfg iterateConfig

	mu      sync.Mutex
	skipped []PageError
}

// IterateOption configures [Client.Iterate].
type IterateOption func(*iterateConfig)

type iterateConfig struct {
	pageSize    int
	maxItems    int
	stopOnError bool
	concurrency int
	maxPages    int // page cap (0 = MaxPages); tests lower it
}

// PageSize sets the records per API call (default 1000, the API's maximum).
func PageSize(n int) IterateOption { return func(c *iterateConfig) { c.pageSize = n } }

// MaxItems stops after n records (0 = no limit). Pages past the n-th record are not
// fetched, and the last page asks only for the records still needed.
func MaxItems(n int) IterateOption { return func(c *iterateConfig) { c.maxItems = n } }

// StopOnError chooses whether a failing page ends the iteration with its error (true,
// the default) or is skipped and listed by [Iterator.Skipped]. The default is false for
// a request with SetSkipErrorRequests(true). Pages are skipped only once the total is
// known: a failing first page always ends the iteration.
func StopOnError(stop bool) IterateOption { return func(c *iterateConfig) { c.stopOnError = stop } }

// Concurrency sets how many pages are fetched at once (default: the client's setting;
// at [DefaultConcurrency] large pages are fetched fewer at a time, 7 MB of answers at
// most but at least 2 pages, so that memory stays bounded). Above 1, pages are fetched ahead while the loop works; 1 fetches each page only when
// the loop asks for it, so a loop that stops early sends no request for a page it
// never reaches (and the requests follow the loop exactly).
func Concurrency(n int) IterateOption { return func(c *iterateConfig) { c.concurrency = n } }

// Iterate returns an iterator over the records req reads, starting at req's skip. Nothing
// is sent until the iterator is used; each use reads afresh. Only the pages in flight are
// held in memory.
//
// The request is copied: changing req afterwards does not change the iterator. Its type
// may be TypeMultiple or TypeAll (both read every page); its take is replaced by the page
// size. A mistake in req or in the options is returned by the first use.
//
// # Reads that change what they read
//
// Every page is ordered by req's sort keys and then by the record's unique field (name,
// id_call for activitiesCall), which is added as the last sort key when req does not sort
// by it (and to a field projection, with the sort fields). While c has sent no create,
// update or delete to the model read, pages are read by offset and fetched ahead. Once it
// has (see [Client.WritesSent]; a write already in flight when the read begins counts
// too), the pages still to come are read by keyset: each asks for the records after the
// last one delivered, req's filter AND (key > last OR (key = last AND name > lastName)),
// one page after the other. So a loop that updates or deletes the records it is given, so
// that they no longer match or so that they move along the sort key, visits every record
// that matched when it began exactly once, and ends; a TypeAll [Client.Execute] running
// in another goroutine while c writes gets the same protection. Null sort values sort
// first ascending and last descending (as in the API's database); names that are numbers
// compare as numbers (the server compares them). When the order has a key other than the
// unique field, the names delivered since the first write are remembered, and a record
// changed so that it sorts after the cursor again is left out. Writes through other
// clients or by others are not seen. After a write, a failing page ends the read even
// with StopOnError(false).
//
// A page shorter than asked is not the end: the read advances by the records the server
// returned (learning a lower page cap from the first page) and stops on an empty page or
// on reaching the total.
func (c *Client) Iterate(ctx context.Context, req *ReadRequest, opts ...IterateOption) *Iterator {
	if ctx == nil {
		ctx = context.Background()
	}
	cfg := iterateConfig{pageSize: DefaultPageSize, stopOnError: true}
	var r *ReadRequest
	if req != nil {
		r = req.Clone()
		cfg.stopOnError = !req.SkipErrorRequests()
	}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	return &Iterator{c: c, ctx: ctx, req: r, cfg: cfg}
}

// newPager checks the request and options and returns a pager reading at most maxItems
// records (0 = all).
func (it *Iterator) newPager(maxItems int) (*pager, error) {
	switch {
	case it.req == nil:
		return nil, errors.New("daktela: Iterate: the request is nil")
	case it.req.Err() != nil:
		return nil, it.req.Err()
	case it.req.RequestType() == TypeSingle:
		return nil, fmt.Errorf("daktela: Iterate reads lists: the %s request is of type %q (want %q or %q)",
			it.req.Model(), TypeSingle, TypeMultiple, TypeAll)
	case it.cfg.pageSize < 1 || it.cfg.pageSize > MaxTake:
		return nil, fmt.Errorf("daktela: Iterate: PageSize must be from 1 to %d, got %d", MaxTake, it.cfg.pageSize)
	case it.cfg.maxItems < 0:
		return nil, fmt.Errorf("daktela: Iterate: MaxItems must be 0 (no limit) or more, got %d", it.cfg.maxItems)
	}
	st := it.c.comm.snapshot()
	conc := it.cfg.concurrency
	if conc < 1 {
		conc = st.concurrency
	}
	p := newPager(it.c, &st, it.req, it.cfg.pageSize, conc, maxItems, !it.cfg.stopOnError)
	if it.cfg.concurrency < 1 && conc == DefaultConcurrency {
		// The default: bound the read-ahead by bytes (a concurrency chosen by the caller,
		// with the option or SetConcurrency, is used as it is).
		p.aheadBytes = iterateAheadBytes
	}
	if it.cfg.maxPages > 0 {
		p.maxPages = it.cfg.maxPages
	}
	return p, nil
}

func (it *Iterator) setSkipped(s []PageError) {
	it.mu.Lock()
	it.skipped = s
	it.mu.Unlock()
}

// Pages yields every page as a response, in order. Breaking out of the loop stops the
// fetching at once; no goroutine outlives the loop.
func (it *Iterator) Pages() iter.Seq2[*Response, error] {
	return it.pages(it.cfg.maxItems)
}

func (it *Iterator) pages(maxItems int) iter.Seq2[*Response, error] {
	return func(yield func(*Response, error) bool) {
		p, err := it.newPager(maxItems)
		if err != nil {
			yield(nil, err)
			return
		}
		err = p.run(it.ctx, func(r *Response) bool { return yield(r, nil) })
		it.setSkipped(p.skipped)
		if err != nil {
			yield(nil, err)
		}
	}
}

// All yields every record, in order; a failure ends it with the error.
func (it *Iterator) All() iter.Seq2[Record, error] { return it.records(it.cfg.maxItems) }

func (it *Iterator) records(maxItems int) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		done := it.ctx.Done()
		for page, err := range it.pages(maxItems) {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, r := range page.Records() {
				select {
				case <-done: // cancelled: stop at once, also within a page already read
					yield(nil, fmt.Errorf("daktela: reading %s: %w", it.req.Model(), it.ctx.Err()))
					return
				default:
				}
				if !yield(r, nil) {
					return
				}
			}
		}
	}
}

// First returns the first record, or nil when there is none. It asks the server for one
// record only.
func (it *Iterator) First() (Record, error) {
	for r, err := range it.records(1) {
		return r, err
	}
	return nil, nil
}

// ToArray collects every record.
func (it *Iterator) ToArray() ([]Record, error) {
	var out []Record
	for page, err := range it.Pages() {
		if err != nil {
			return out, err
		}
		if out == nil && page.Total() > 0 {
			n := page.Total() - it.req.Skip()
			if it.cfg.maxItems > 0 {
				n = min(n, it.cfg.maxItems)
			}
			out = make([]Record, 0, min(max(n, 0), 1<<22))
		}
		out = append(out, page.Records()...)
	}
	return out, nil
}

// Count counts the records. When the server gives the total, one request for a single
// record answers it; otherwise every page is read.
func (it *Iterator) Count() (int, error) {
	p, err := it.newPager(1)
	if err != nil {
		return 0, err
	}
	resp, err := p.fetch(it.ctx, p.start, 1)
	if err != nil {
		return 0, p.pageFailed(p.start, 1, err)
	}
	if t := resp.Total(); t > 0 {
		n := max(t-p.start, 0)
		if it.cfg.maxItems > 0 {
			n = min(n, it.cfg.maxItems)
		}
		return n, nil
	}
	if len(resp.Records()) == 0 {
		return 0, nil
	}
	n := 0
	for page, err := range it.Pages() {
		if err != nil {
			return n, err
		}
		n += len(page.Records())
	}
	return n, nil
}

// IsEmpty reports whether there is no record.
func (it *Iterator) IsEmpty() (bool, error) {
	r, err := it.First()
	return r == nil && err == nil, err
}

// Each calls fn for every record; an error from fn stops it and is returned.
func (it *Iterator) Each(fn func(Record) error) error {
	for r, err := range it.All() {
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// Filter yields the records pred accepts, lazily.
func (it *Iterator) Filter(pred func(Record) bool) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for r, err := range it.All() {
			if err != nil {
				yield(nil, err)
				return
			}
			if pred(r) && !yield(r, nil) {
				return
			}
		}
	}
}

// Skipped lists pages skipped with StopOnError(false) during the last use.
func (it *Iterator) Skipped() []PageError {
	it.mu.Lock()
	defer it.mu.Unlock()
	return append([]PageError(nil), it.skipped...)
}
