package daktela

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"sync"
)

// MaxPages is the page cap of a multi-page read: reaching it ends the read with an error
// wrapping [ErrTooManyPages] (at 1000 records a page, 100 million records).
const MaxPages = 100_000

// pager reads the pages of a list read in order. The first page is fetched on the
// caller's goroutine; once it gives the total, up to conc further pages are fetched at
// once, each parsed on its own goroutine, and handed over in order. With conc 1 there is
// no read-ahead: each page is asked for once the previous one has been consumed. Only the
// pages in flight are held.
//
// Pages are read by offset (skip) while the client sends no write to the model read.
// Each page advances by the records the server actually returned, so a server that
// serves fewer records than asked (a lower cap on take) is followed: the page size is
// learnt from the first short page and the read-ahead continues with it. The read stops
// on an empty page, on reaching the total (never asking for a page past it), at maxItems
// records and at the page cap; it follows a total that shrinks or grows mid-read.
//
// Every read is ordered by the request's sort keys and then by the record's unique
// field (name), so it can leave offsets at any page: once the client has sent a write to
// the model (which may shift the result set under the offsets), the pages not yet read
// are read by keyset instead: each asks for the records after the last one delivered
// (see keysetPlan), one page after the other (the next one fetched while the consumer
// works on the current one).
type pager struct {
	c          *Client
	st         *settings
	tmpl       *ReadRequest // TypeMultiple; each page is a shallow copy with its skip and take
	start      int          // skip of the first page
	take       int          // page size
	conc       int          // pages in flight once the total is known
	maxItems   int          // 0 = no limit
	skipErrors bool         // skip failing pages (when the total is known) instead of stopping
	maxPages   int
	plan       *keysetPlan  // the order and cursor of keyset reads
	writes     *modelWrites // the client's writes to the model read
	aheadBytes int          // >0: fewer pages in flight when pages are large (iterateAheadBytes)

	// Filled while running.
	skipped []PageError
	read    int                 // records delivered
	total   int                 // latest total the server gave (0 = unknown)
	seen    map[string]struct{} // keys delivered since the first write (plan.dedupe)
	pages   int                 // pages asked for
}

// pageJob is one page being fetched.
type pageJob struct {
	skip, take int
	after      []cursorValue // keyset: the records after this cursor (nil: from skip)
	resp       *Response
	err        error
	writes     uint64 // the client's write count for the model when the answer had come
	cancel     context.CancelFunc
	done       chan struct{}
}

func newPager(c *Client, st *settings, req *ReadRequest, take, conc, maxItems int, skipErrors bool) *pager {
	tmpl := req.Clone().SetRequestType(TypeMultiple)
	if conc < 1 {
		conc = 1
	}
	return &pager{
		c: c, st: st, tmpl: tmpl, start: req.Skip(), take: take, conc: conc,
		maxItems: maxItems, skipErrors: skipErrors, maxPages: MaxPages,
		plan: newKeysetPlan(tmpl), writes: c.writes.of(iteratedModel(req)),
	}
}

// wireAt returns the wire form of the page at skip with take records, after the cursor
// when there is one.
func (p *pager) wireAt(skip, take int, after []cursorValue) (wireRequest, error) {
	var r *ReadRequest
	if after != nil {
		r = p.tmpl.Clone().AddFilters(p.plan.after(after))
	} else {
		c := *p.tmpl // shallow: pages share the read-only filters, sorts and fields
		r = &c
	}
	r.SetSkip(skip).SetTake(take)
	if err := r.Err(); err != nil {
		return wireRequest{}, err
	}
	return r.wire()
}

// fetch reads one page.
func (p *pager) fetch(ctx context.Context, skip, take int) (*Response, error) {
	return p.fetchAfter(ctx, skip, take, nil)
}

func (p *pager) fetchAfter(ctx context.Context, skip, take int, after []cursorValue) (*Response, error) {
	wr, err := p.wireAt(skip, take, after)
	if err != nil {
		return nil, err
	}
	return p.c.do(ctx, p.st, wr)
}

// pageFailed marks err as the failure of the page at skip.
func (p *pager) pageFailed(skip, take int, err error) error {
	var re *RequestError
	if errors.As(err, &re) {
		if re.Page == nil {
			re.Page = &PageError{Skip: skip, Take: take}
		}
		return err
	}
	wr, werr := p.wireAt(skip, take, nil)
	if werr != nil {
		return err
	}
	return &RequestError{Method: wr.Method, Path: pathOf(wr), Page: &PageError{Skip: skip, Take: take}, Err: err}
}

func (p *pager) report(done bool) {
	fn := p.st.progress
	if fn == nil {
		return
	}
	total := 0
	if p.total > 0 {
		total = max(p.total-p.start, 0)
		if p.maxItems > 0 && total > p.maxItems {
			total = p.maxItems
		}
	}
	fn(Progress{Model: p.tmpl.Model(), Read: p.read, Total: total, Done: done})
}

// run reads the pages and hands each one, in order, to yield; yield returning false
// stops the read. Every goroutine it starts has ended when it returns.
func (p *pager) run(ctx context.Context, yield func(*Response) bool) error {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
		p.report(true)
	}()
	// The write count first, then the writes in flight (writtenModels.begin counts in
	// the other order): a write counted here is seen in flight when it is.
	gen := p.writes.started.Load()
	if p.writes.inFlight.Load() > 0 {
		// A write sent before the read may land between its pages.
		return p.runKeyset(ctx, &wg, nil, yield)
	}
	last, switched, err := p.runOffset(ctx, &wg, gen, yield)
	if err != nil || !switched {
		return err
	}
	return p.runKeyset(ctx, &wg, last, yield)
}

// launch starts fetching a page on its own goroutine.
func (p *pager) launch(ctx context.Context, wg *sync.WaitGroup, skip, take int, after []cursorValue) *pageJob {
	jctx, jcancel := context.WithCancel(ctx)
	j := &pageJob{skip: skip, take: take, after: after, cancel: jcancel, done: make(chan struct{})}
	p.pages++
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(j.done)
		j.resp, j.err = p.fetchAfter(jctx, skip, take, after)
		j.writes = p.writes.started.Load()
	}()
	return j
}

// waitPage waits for j's answer; false when ctx ended first.
func waitPage(ctx context.Context, j *pageJob) bool {
	select {
	case <-j.done:
		return true
	case <-ctx.Done():
		return false
	}
}

// limitOffset is the offset the read stops at (MaxItems), math.MaxInt for none.
func (p *pager) limitOffset() int {
	if p.maxItems > 0 {
		return p.start + p.maxItems
	}
	return math.MaxInt
}

// runOffset reads pages by offset as long as no write to the model has been sent since
// gen. It returns switched true, with the last record delivered (nil when none was),
// when a page's answer came after such a write: that page and the ones after it are
// left to runKeyset.
func (p *pager) runOffset(ctx context.Context, wg *sync.WaitGroup, gen uint64, yield func(*Response) bool) (last *pageAt, switched bool, err error) {
	limit := p.limitOffset()
	take := p.take
	takeAt := func(skip int) int { return min(take, limit-skip) }

	var queue []*pageJob
	discard := func() {
		for _, j := range queue {
			j.cancel()
		}
		queue = nil
	}
	defer discard()

	pos := p.start    // the offset of the next record to deliver
	fullSeen := false // a page has come back as full as asked: a short one is not a cap
	cur := &pageJob{skip: pos, take: takeAt(pos)}
	p.pages++
	cur.resp, cur.err = p.fetch(ctx, cur.skip, cur.take)
	cur.writes = p.writes.started.Load()
	next := cur.skip + cur.take
	for {
		if cur.writes != gen {
			// A write to the model was sent before this answer came: it may have
			// shifted the records under this page's offset.
			return last, true, nil
		}
		n := cur.take // a skipped page counts as full
		resp := cur.resp
		if cur.err != nil {
			if ctx.Err() != nil || !p.skipErrors || p.total == 0 {
				return nil, false, p.pageFailed(cur.skip, cur.take, cur.err)
			}
			p.skipped = append(p.skipped, PageError{Skip: cur.skip, Take: cur.take, Err: cur.err})
		} else {
			n = len(resp.Records())
			if t := resp.Total(); t > 0 {
				p.total = t
			}
			if room := limit - cur.skip; n > room {
				resp, n = resp.firstRecords(room), room
			}
		}
		end := cur.skip + n
		stop := n == 0 || end >= limit || (p.total > 0 && end >= p.total)
		if !stop && n < cur.take && !fullSeen {
			// The server served fewer records than asked and more remain: it caps the
			// page size. Continue from here with its size; pages asked for with the
			// larger size no longer line up.
			take = n
			discard()
			next = end
		}
		if !stop && n < cur.take && len(queue) == 0 {
			next = end // the next page starts where this one ended
		}
		fullSeen = fullSeen || (cur.err == nil && n == cur.take)
		pos = end
		fill := func() {
			if stop {
				return
			}
			window := p.conc
			if p.total == 0 {
				window = 1 // no total: one page after the other until an empty one
			} else if p.aheadBytes > 0 && resp != nil && len(resp.body) > 0 {
				window = aheadWindow(p.conc, p.aheadBytes, len(resp.body))
			}
			for len(queue) < window && next < limit && (p.total == 0 || next < p.total) && p.pages < p.maxPages {
				t := takeAt(next)
				queue = append(queue, p.launch(ctx, wg, next, t, nil))
				next += t
			}
		}
		// With more than one page in flight, the next pages are fetched while the
		// consumer works on this one. With one, the next page is asked for only once
		// this one is consumed: a loop that stops early sends nothing more.
		if p.conc > 1 || cur.err != nil {
			fill()
		}
		if cur.err == nil && n > 0 {
			p.read += n
			if !yield(resp) {
				return nil, false, nil
			}
			last = &pageAt{resp: resp, i: n - 1}
			if p.plan.dedupe && p.writes.started.Load() != gen {
				p.remember(resp)
			}
			p.report(false)
		}
		if stop {
			return nil, false, nil
		}
		if len(queue) == 0 && p.writes.started.Load() != gen {
			// The consumer wrote to the model: ask for nothing more by offset.
			return last, true, nil
		}
		if p.conc == 1 {
			fill()
		}
		switch {
		case len(queue) > 0 && queue[0].skip < pos:
			discard() // cannot happen: pages are launched end to end from pos
			next = pos
			fill()
		case len(queue) > 0 && queue[0].skip > pos && p.pages < p.maxPages:
			// A page came back short with more to come: read the records between it
			// and the pages already asked for.
			queue = append([]*pageJob{p.launch(ctx, wg, pos, min(queue[0].skip-pos, takeAt(pos)), nil)}, queue...)
		}
		if len(queue) == 0 || queue[0].skip != pos {
			return nil, false, fmt.Errorf("daktela: reading %s stopped after %d pages of %d records: %w", p.tmpl.Model(), p.pages, take, ErrTooManyPages)
		}
		cur, queue = queue[0], queue[1:]
		if !waitPage(ctx, cur) {
			return nil, false, p.pageFailed(cur.skip, cur.take, ctx.Err())
		}
	}
}

// iterateAheadBytes bounds the page bodies an iteration at the default concurrency
// fetches ahead: pages of large records (1000 records of 1.3 KB, 1.3 MB a page, plus
// their index) fill it with 5 pages instead of 8, which keeps an iteration over any
// number of such records under 100 MB (80 MB for 1 000 000 of them; 8 pages took 123
// MB, 6 took 90), while pages of small records still get all 8. At 20 ms an answer 5
// pages in flight keep well ahead of the script's work on a page (4 were just enough:
// 0.35x of sequential paging, 5 give 0.28x).
const iterateAheadBytes = 7 << 20

// minAheadPages is the read-ahead an iteration keeps however large its pages are (while
// its concurrency allows it): one page fetched while the script works on another.
const minAheadPages = 2

// aheadWindow is the pages an iteration keeps in flight when a page's body is
// pageBytes long: as many as fit in budget, at least minAheadPages, at most conc.
func aheadWindow(conc, budget, pageBytes int) int {
	return max(min(conc, budget/pageBytes), min(conc, minAheadPages))
}

// ReadAllConcurrency is how many pages a TypeAll read fetches at once while the client's
// concurrency is the default: such a read holds every page until the last one has come,
// so more pages in flight cost no memory and only shorten the wait. A concurrency set
// with SetConcurrency to anything but the default is used as it is (1: one page after
// the other).
const ReadAllConcurrency = 2 * DefaultConcurrency

// readAll executes a TypeAll read: every page, combined into one response whose total
// is the latest the server gave.
func (c *Client) readAll(ctx context.Context, st *settings, req *ReadRequest) (*Response, error) {
	conc := st.concurrency
	if conc == DefaultConcurrency {
		conc = ReadAllConcurrency
	}
	p := newPager(c, st, req, req.Take(), conc, 0, req.SkipErrorRequests())
	var pages []*Response
	err := p.run(ctx, func(page *Response) bool {
		pages = append(pages, page)
		return true
	})
	if err != nil {
		return nil, err
	}
	resp := newCombinedResponse(pages)
	if len(pages) == 0 {
		resp.status = http.StatusOK
	}
	resp.total = p.total
	resp.skipped = p.skipped
	return resp, nil
}

// firstRecords returns a list response holding only its first n records (a page cut at
// MaxItems when the server sent more than asked).
func (r *Response) firstRecords(n int) *Response {
	return &Response{
		status: r.status, kind: r.kind, total: r.total, errs: r.errs, body: r.body,
		records: r.records[:n], refs: r.refs[:min(n, len(r.refs))],
	}
}
