package daktela

import (
	"context"
	"fmt"
	"sync"
)

// pageAt is record i of a page.
type pageAt struct {
	resp *Response
	i    int
}

// remember adds the keys of page's records to the keys delivered since the first write.
func (p *pager) remember(page *Response) {
	if p.seen == nil {
		p.seen = make(map[string]struct{})
	}
	for i := range page.Records() {
		p.seen[p.plan.keyOf(page, i)] = struct{}{}
	}
}

// unseen returns page without the records already delivered, and remembers the others.
func (p *pager) unseen(page *Response) *Response {
	if p.seen == nil {
		p.seen = make(map[string]struct{})
	}
	keep := make([]int, 0, len(page.Records()))
	for i := range page.Records() {
		k := p.plan.keyOf(page, i)
		if _, dup := p.seen[k]; dup {
			continue
		}
		p.seen[k] = struct{}{}
		keep = append(keep, i)
	}
	if len(keep) == len(page.Records()) {
		return page
	}
	return page.onlyRecords(keep)
}

// runKeyset reads the rest of the read by keyset: each page holds the records the order
// puts after the last one delivered (from the first one when last is nil). The next
// page is fetched while the consumer works on the current one (with conc above 1).
func (p *pager) runKeyset(ctx context.Context, wg *sync.WaitGroup, last *pageAt, yield func(*Response) bool) error {
	skip := p.start
	var after []cursorValue
	if last != nil {
		var err error
		if after, err = p.plan.cursorOf(last.resp, last.i); err != nil {
			return fmt.Errorf("daktela: reading %s after a write to it: cannot continue after the last record read: %w", p.tmpl.Model(), err)
		}
		skip = 0
	}
	takeFor := func(pending int) int {
		if p.maxItems > 0 {
			return min(p.take, p.maxItems-p.read-pending)
		}
		return p.take
	}
	var cur *pageJob
	defer func() {
		if cur != nil {
			cur.cancel()
		}
	}()
	for {
		if cur == nil {
			t := takeFor(0)
			if t <= 0 {
				return nil
			}
			if p.pages >= p.maxPages {
				return fmt.Errorf("daktela: reading %s stopped after %d pages of %d records: %w", p.tmpl.Model(), p.pages, p.take, ErrTooManyPages)
			}
			cur = p.launch(ctx, wg, skip, t, after)
		}
		if !waitPage(ctx, cur) {
			return p.pageFailed(cur.skip, cur.take, ctx.Err())
		}
		if cur.err != nil {
			// A failing page cannot be skipped here: what follows it is not known.
			return p.pageFailed(cur.skip, cur.take, cur.err)
		}
		resp, readBefore := cur.resp, p.read
		recs := resp.Records()
		if len(recs) == 0 {
			return nil
		}
		if t := resp.Total(); t > 0 {
			p.total = p.start + readBefore + t
		}
		// The records after this page's last one; none when the page held all that remain.
		more := resp.Total() == 0 || len(recs) < resp.Total()
		var err error
		if after, err = p.plan.cursorOf(resp, len(recs)-1); err != nil {
			return fmt.Errorf("daktela: reading %s after a write to it: cannot continue after the last record read: %w", p.tmpl.Model(), err)
		}
		skip = 0
		if p.plan.dedupe {
			resp = p.unseen(resp)
		}
		n := len(resp.Records())
		if p.maxItems > 0 && n > p.maxItems-p.read {
			n = p.maxItems - p.read
			resp = resp.firstRecords(n)
		}
		cur = nil
		if more && p.conc > 1 && p.maxItems == 0 && p.pages < p.maxPages {
			cur = p.launch(ctx, wg, 0, p.take, after)
		}
		if n > 0 {
			p.read += n
			if !yield(resp) {
				return nil
			}
			p.report(false)
		}
		if !more {
			return nil
		}
	}
}

// onlyRecords returns a list response holding only the records at the indexes keep, in
// their order.
func (r *Response) onlyRecords(keep []int) *Response {
	out := &Response{status: r.status, kind: r.kind, total: r.total, errs: r.errs, body: r.body,
		records: make([]Record, len(keep))}
	if len(r.refs) == len(r.records) {
		out.refs = make([]recordRef, len(keep))
	}
	for k, i := range keep {
		out.records[k] = r.records[i]
		if out.refs != nil {
			out.refs[k] = r.refs[i]
		}
	}
	return out
}
