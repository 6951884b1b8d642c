package daktela

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestReadAllPageBoundaries(t *testing.T) {
	cases := []struct {
		name      string
		records   int
		take      int
		wantPages int
	}{
		{"total a multiple of take: no extra empty request", 3000, 1000, 3},
		{"last page short", 2500, 1000, 3},
		{"one page exactly full", 100, 100, 1},
		{"one short page", 42, 100, 1},
		{"empty list", 0, 100, 1},
		{"many small pages", 1000, 7, 143},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps := newPageServer(t, pagesConfig{records: tc.records})
			resp, err := ps.client().Execute(ctxT(t), readAllReq(tc.take))
			if err != nil {
				t.Fatal(err)
			}
			checkRecords(t, resp.Records(), 0, tc.records)
			if got := int(ps.count.Load()); got != tc.wantPages {
				t.Errorf("%d requests, want %d: %v", got, tc.wantPages, ps.requests())
			}
			for skip, n := range ps.skips() {
				if n != 1 || skip%tc.take != 0 {
					t.Errorf("page at skip %d requested %d times", skip, n)
				}
			}
			if resp.Total() != tc.records || !resp.IsList() || resp.HTTPStatus() != 200 {
				t.Errorf("total %d, list %v, status %d", resp.Total(), resp.IsList(), resp.HTTPStatus())
			}
		})
	}
}

func TestReadAllStartsAtSkip(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 2500})
	resp, err := ps.client().Execute(ctxT(t), readAllReq(1000).SetSkip(500))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 500, 2000)
	if got := ps.count.Load(); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
}

func TestReadAllTotalShrinksMidRead(t *testing.T) {
	// 5000 records when the first page is read, 3500 afterwards (deleted at the end).
	ps := newPageServer(t, pagesConfig{recordsAt: func(n int) int {
		if n == 1 {
			return 5000
		}
		return 3500
	}})
	resp, err := ps.client().Execute(ctxT(t), readAllReq(1000))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 0, 3500)
	if got := ps.count.Load(); got > 5 {
		t.Errorf("%d requests for at most 5 planned pages", got)
	}
	if resp.Total() != 3500 {
		t.Errorf("total %d, want the latest 3500", resp.Total())
	}
}

func TestReadAllTotalGrowsMidRead(t *testing.T) {
	ps := newPageServer(t, pagesConfig{recordsAt: func(n int) int {
		if n == 1 {
			return 2500
		}
		return 4200
	}})
	resp, err := ps.client().Execute(ctxT(t), readAllReq(1000))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 0, 4200)
}

func TestReadAllShortPageBeforeTotal(t *testing.T) {
	// The server promises 5000 but holds 2500 (e.g. permission-trimmed totals).
	ps := newPageServer(t, pagesConfig{records: 2500, totalJSON: func(int) string { return "5000" }})
	resp, err := ps.client().Execute(ctxT(t), readAllReq(1000))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 0, 2500)
	// The 4 planned pages after the first, and one for the records between the short
	// page and the next (a short page is not the end: the server may cap its pages).
	if got := ps.count.Load(); got > 6 {
		t.Errorf("%d requests, want at most 6", got)
	}
}

func TestReadAllTotalAsStringOrNull(t *testing.T) {
	t.Run("numeric string", func(t *testing.T) {
		ps := newPageServer(t, pagesConfig{records: 3000, totalJSON: func(int) string { return `"3000"` }})
		resp, err := ps.client().Execute(ctxT(t), readAllReq(1000))
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, resp.Records(), 0, 3000)
		if got := ps.count.Load(); got != 3 {
			t.Errorf("%d requests, want 3", got)
		}
	})
	t.Run("null: pages one after the other until an empty one", func(t *testing.T) {
		ps := newPageServer(t, pagesConfig{records: 2500, totalJSON: func(int) string { return "null" }, delay: 2 * time.Millisecond})
		resp, err := ps.client().Execute(ctxT(t), readAllReq(1000))
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, resp.Records(), 0, 2500)
		// A short page does not end a read (a server may serve fewer records than asked):
		// without a total, an empty one does.
		if got := ps.count.Load(); got != 4 {
			t.Errorf("%d requests, want 4", got)
		}
		if m := ps.maxInFlight.Load(); m != 1 {
			t.Errorf("%d pages in flight without a total, want 1", m)
		}
	})
	t.Run("null with a full last page costs one empty request", func(t *testing.T) {
		ps := newPageServer(t, pagesConfig{records: 2000, totalJSON: func(int) string { return "null" }})
		resp, err := ps.client().Execute(ctxT(t), readAllReq(1000))
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, resp.Records(), 0, 2000)
		if got := ps.count.Load(); got != 3 {
			t.Errorf("%d requests, want 3", got)
		}
	})
}

func TestReadAllConcurrencyBounded(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 20000, delay: 10 * time.Millisecond})
	c := ps.client()
	c.ApiCommunicator().SetConcurrency(3)
	var progress []Progress
	c.ApiCommunicator().SetProgress(func(p Progress) { progress = append(progress, p) })
	resp, err := c.Execute(ctxT(t), readAllReq(1000))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 0, 20000)
	if m := ps.maxInFlight.Load(); m > 3 || m < 2 {
		t.Errorf("max %d pages in flight, want 2..3 with concurrency 3", m)
	}
	if len(progress) != 21 {
		t.Fatalf("%d progress calls, want 20 pages + done", len(progress))
	}
	for i, p := range progress[:20] {
		if p.Read != (i+1)*1000 || p.Total != 20000 || p.Done || p.Model != "Items" {
			t.Errorf("progress %d: %+v", i, p)
		}
	}
	if last := progress[20]; !last.Done || last.Read != 20000 {
		t.Errorf("final progress %+v", last)
	}
}

func TestReadAllFailingPage(t *testing.T) {
	cfg := pagesConfig{records: 5000, failSkip: map[int]int{2000: http.StatusInternalServerError}}
	t.Run("stops and names the page", func(t *testing.T) {
		ps := newPageServer(t, cfg)
		c := ps.client()
		_, err := c.Execute(ctxT(t), readAllReq(1000))
		var re *RequestError
		if !errors.As(err, &re) {
			t.Fatalf("error %v (%T), want a *RequestError", err, err)
		}
		if re.Status != 500 || re.Page == nil || re.Page.Skip != 2000 || re.Page.Take != 1000 {
			t.Errorf("status %d page %+v", re.Status, re.Page)
		}
		if got := ps.skips()[2000]; got != 4 {
			t.Errorf("failing page requested %d times, want 1 + 3 retries", got)
		}
	})
	t.Run("SetSkipErrorRequests skips it and lists it", func(t *testing.T) {
		ps := newPageServer(t, cfg)
		c := ps.client()
		c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
		resp, err := c.Execute(ctxT(t), readAllReq(1000).SetSkipErrorRequests(true))
		if err != nil {
			t.Fatal(err)
		}
		recs := resp.Records()
		checkRecords(t, recs[:2000], 0, 2000)
		checkRecords(t, recs[2000:], 3000, 2000)
		sk := resp.Skipped()
		if len(sk) != 1 || sk[0].Skip != 2000 || sk[0].Take != 1000 || sk[0].Err == nil {
			t.Errorf("skipped %+v", sk)
		}
	})
	t.Run("a failing first page ends the read even when skipping", func(t *testing.T) {
		ps := newPageServer(t, pagesConfig{records: 5000, failSkip: map[int]int{0: 502}})
		c := ps.client()
		c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
		_, err := c.Execute(ctxT(t), readAllReq(1000).SetSkipErrorRequests(true))
		var re *RequestError
		if !errors.As(err, &re) || re.Status != 502 || re.Page == nil || re.Page.Skip != 0 {
			t.Fatalf("error %v", err)
		}
	})
}

func TestReadAllNotFoundPage(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 3000, failSkip: map[int]int{1000: 404}})
	_, err := ps.client().Execute(ctxT(t), readAllReq(1000))
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Page == nil || nf.Page.Skip != 1000 {
		t.Fatalf("error %v, want a *NotFoundError for the page at 1000", err)
	}
}

func TestReadAllPageCap(t *testing.T) {
	// A server that never ends: every page full, no total.
	ps := newPageServer(t, pagesConfig{records: 1 << 30, totalJSON: func(int) string { return "null" }})
	it := ps.client().Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(10), func(c *iterateConfig) { c.maxPages = 5 })
	n := 0
	var err error
	for _, e := range it.All() {
		if e != nil {
			err = e
			break
		}
		n++
	}
	if !errors.Is(err, ErrTooManyPages) {
		t.Fatalf("error %v, want ErrTooManyPages", err)
	}
	if n != 50 || ps.count.Load() != 5 {
		t.Errorf("%d records from %d requests, want 50 from 5", n, ps.count.Load())
	}
}
