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
// no read-ahead: each page is asked for once the previous one has been consumed. Only the pages in
// flight are held. It stops on a short page or on reaching the total (never asking for
// a page past it), follows a total that shrinks or grows mid-read, and stops at maxItems
// records and at the page cap.
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

	// Filled while running.
	skipped []PageError
	read    int // records delivered
	total   int // latest total the server gave (0 = unknown)
}

// pageJob is one page being fetched.
type pageJob struct {
	skip, take int
	resp       *Response
	err        error
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
	}
}

// wireAt returns the wire form of the page at skip with take records.
func (p *pager) wireAt(skip, take int) (wireRequest, error) {
	r := *p.tmpl // shallow: pages share the read-only filters, sorts and fields
	r.SetSkip(skip).SetTake(take)
	if err := r.Err(); err != nil {
		return wireRequest{}, err
	}
	return r.wire()
}

// fetch reads one page.
func (p *pager) fetch(ctx context.Context, skip, take int) (*Response, error) {
	wr, err := p.wireAt(skip, take)
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
	wr, werr := p.wireAt(skip, take)
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

	limit := math.MaxInt
	if p.maxItems > 0 {
		limit = p.start + p.maxItems
	}
	takeAt := func(skip int) int { return min(p.take, limit-skip) }

	var queue []*pageJob
	launch := func(skip, take int) {
		j := &pageJob{skip: skip, take: take, done: make(chan struct{})}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(j.done)
			j.resp, j.err = p.fetch(ctx, skip, take)
		}()
		queue = append(queue, j)
	}

	cur := &pageJob{skip: p.start, take: takeAt(p.start)}
	cur.resp, cur.err = p.fetch(ctx, cur.skip, cur.take)
	launched := 1
	next := cur.skip + cur.take
	for {
		n := cur.take // a skipped page counts as full
		resp := cur.resp
		if cur.err != nil {
			if ctx.Err() != nil || !p.skipErrors || p.total == 0 {
				return p.pageFailed(cur.skip, cur.take, cur.err)
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
		stop := n < cur.take || end >= limit || (p.total > 0 && end >= p.total)
		fill := func() {
			if stop {
				return
			}
			window := p.conc
			if p.total == 0 {
				window = 1 // no total: one page after the other until a short one
			}
			for len(queue) < window && next < limit && (p.total == 0 || next < p.total) && launched < p.maxPages {
				t := takeAt(next)
				launch(next, t)
				next += t
				launched++
			}
		}
		// With more than one page in flight, the next pages are fetched while the
		// consumer works on this one. With one, the next page is asked for only once
		// this one is consumed: a loop that stops early sends nothing more.
		if p.conc > 1 || cur.err != nil {
			fill()
		}
		if cur.err == nil {
			p.read += n
			if !yield(resp) {
				return nil
			}
			p.report(false)
			if p.conc == 1 {
				fill()
			}
		}
		if stop {
			return nil
		}
		if len(queue) == 0 {
			return fmt.Errorf("daktela: reading %s stopped after %d pages of %d records: %w", p.tmpl.Model(), launched, p.take, ErrTooManyPages)
		}
		cur, queue = queue[0], queue[1:]
		select {
		case <-cur.done:
		case <-ctx.Done():
			return p.pageFailed(cur.skip, cur.take, ctx.Err())
		}
	}
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
