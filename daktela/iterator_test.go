package daktela

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestIterateDefaults(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 2300})
	it := ps.client().Iterate(ctxT(t), BuildReadRequest("Items"))
	recs, err := it.ToArray()
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, 0, 2300)
	for _, r := range ps.requests() {
		if r.take != DefaultPageSize {
			t.Errorf("page asked take=%d, want the default %d", r.take, DefaultPageSize)
		}
	}
	if ps.count.Load() != 3 {
		t.Errorf("%d requests", ps.count.Load())
	}
}

func TestIterateAllInOrderWithConcurrency(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 10000, delay: 3 * time.Millisecond})
	it := ps.client().Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(500), Concurrency(6))
	var recs []Record
	for r, err := range it.All() {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	checkRecords(t, recs, 0, 10000)
	if m := ps.maxInFlight.Load(); m > 6 {
		t.Errorf("%d pages in flight with Concurrency(6)", m)
	}
	// Each use reads afresh.
	n, err := it.Count()
	if err != nil || n != 10000 {
		t.Errorf("Count() = %d, %v", n, err)
	}
}

func TestIterateMaxItems(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 10000})
	it := ps.client().Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(1000), MaxItems(1500), Concurrency(8))
	recs, err := it.ToArray()
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, recs, 0, 1500)
	got := fmt.Sprint(ps.requests())
	if got != "[{0 1000} {1000 500}]" {
		t.Errorf("requests %s, want the first page and 500 more only", got)
	}
}

func TestIteratePages(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 250})
	it := ps.client().Iterate(ctxT(t), BuildReadRequest("Items").SetSkip(20), PageSize(100))
	var sizes []int
	for page, err := range it.Pages() {
		if err != nil {
			t.Fatal(err)
		}
		if page.Total() != 250 {
			t.Errorf("page total %d", page.Total())
		}
		sizes = append(sizes, len(page.Records()))
	}
	if fmt.Sprint(sizes) != "[100 100 30]" {
		t.Errorf("page sizes %v", sizes)
	}
}

func TestIterateFirstCountIsEmpty(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 4321})
	c := ps.client()
	it := c.Iterate(ctxT(t), BuildReadRequest("Items"))
	first, err := it.First()
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, []Record{first}, 0, 1)
	if got := fmt.Sprint(ps.requests()); got != "[{0 1}]" {
		t.Errorf("First sent %s, want one request for one record", got)
	}

	n, err := it.Count()
	if err != nil || n != 4321 || ps.count.Load() != 2 {
		t.Errorf("Count() = %d, %v after %d requests; want 4321 from one more request", n, err, ps.count.Load())
	}
	n, err = c.Iterate(ctxT(t), BuildReadRequest("Items").SetSkip(4000), MaxItems(100)).Count()
	if err != nil || n != 100 {
		t.Errorf("Count() with skip and MaxItems = %d, %v", n, err)
	}
	if empty, err := it.IsEmpty(); empty || err != nil {
		t.Errorf("IsEmpty() = %v, %v", empty, err)
	}

	none := newPageServer(t, pagesConfig{records: 0})
	it = none.client().Iterate(ctxT(t), BuildReadRequest("Items"))
	if r, err := it.First(); r != nil || err != nil {
		t.Errorf("First() of nothing = %s, %v", r, err)
	}
	if empty, err := it.IsEmpty(); !empty || err != nil {
		t.Errorf("IsEmpty() = %v, %v", empty, err)
	}
	if n, err := it.Count(); n != 0 || err != nil {
		t.Errorf("Count() = %d, %v", n, err)
	}
}

func TestIterateCountWithoutTotal(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 2500, totalJSON: func(int) string { return "null" }})
	n, err := ps.client().Iterate(ctxT(t), BuildReadRequest("Items")).Count()
	if err != nil || n != 2500 {
		t.Fatalf("Count() = %d, %v", n, err)
	}
}

func TestIterateEachAndFilter(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 300})
	it := ps.client().Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(100))
	seen := 0
	stop := errors.New("enough")
	err := it.Each(func(r Record) error {
		seen++
		if seen == 150 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 150 {
		t.Errorf("Each: %v after %d records", err, seen)
	}
	var odd []Record
	for r, err := range it.Filter(func(r Record) bool { return strings.HasSuffix(string(r), `5"}`) }) {
		if err != nil {
			t.Fatal(err)
		}
		odd = append(odd, r)
	}
	if len(odd) != 30 {
		t.Errorf("Filter kept %d records, want 30", len(odd))
	}
}

func TestIterateStopOnError(t *testing.T) {
	cfg := pagesConfig{records: 500, failSkip: map[int]int{200: http.StatusServiceUnavailable}}
	t.Run("default stops with the page", func(t *testing.T) {
		ps := newPageServer(t, cfg)
		c := ps.client()
		c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
		n := 0
		var err error
		for _, e := range c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(100)).All() {
			if e != nil {
				err = e
				break
			}
			n++
		}
		var re *RequestError
		if !errors.As(err, &re) || re.Page == nil || re.Page.Skip != 200 || n != 200 {
			t.Fatalf("error %v after %d records", err, n)
		}
	})
	t.Run("StopOnError(false) skips and lists", func(t *testing.T) {
		ps := newPageServer(t, cfg)
		c := ps.client()
		c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
		it := c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(100), StopOnError(false))
		recs, err := it.ToArray()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 400 {
			t.Errorf("%d records", len(recs))
		}
		if sk := it.Skipped(); len(sk) != 1 || sk[0].Skip != 200 || sk[0].Take != 100 {
			t.Errorf("skipped %+v", sk)
		}
	})
	t.Run("a request with SetSkipErrorRequests skips by default", func(t *testing.T) {
		ps := newPageServer(t, cfg)
		c := ps.client()
		c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
		recs, err := c.Iterate(ctxT(t), BuildReadRequest("Items").SetSkipErrorRequests(true), PageSize(100)).ToArray()
		if err != nil || len(recs) != 400 {
			t.Fatalf("%d records, %v", len(recs), err)
		}
	})
}

func TestIterateBadInput(t *testing.T) {
	c := NewClient("127.0.0.1:1", testToken)
	for _, tc := range []struct {
		it   *Iterator
		want string
	}{
		{c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(5000)), "PageSize must be from 1 to 1000, got 5000"},
		{c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(0)), "PageSize"},
		{c.Iterate(ctxT(t), BuildReadRequest("Items"), MaxItems(-1)), "MaxItems"},
		{c.Iterate(ctxT(t), BuildReadSingleRequest("Items", "x")), `type "single"`},
		{c.Iterate(ctxT(t), nil), "nil"},
		{c.Iterate(ctxT(t), BuildReadRequest("Items").SetTake(-3)), "take"},
	} {
		_, err := tc.it.ToArray()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want one mentioning %q", err, tc.want)
		}
	}
}

// pagerGoroutines counts goroutines running the pager's page fetches. A fetcher that has
// signalled its end may still be returning, so it polls (bounded) until none is left.
func pagerGoroutines() int {
	buf := make([]byte, 1<<20)
	n := 0
	for range 100 {
		b := buf[:runtime.Stack(buf, true)]
		if n = strings.Count(string(b), "daktela.(*pager).run.func"); n == 0 {
			return 0
		}
		time.Sleep(5 * time.Millisecond)
	}
	return n
}

// startCounter counts the HTTP requests a client starts. The server's count is no
// measure of what the client does after a loop stops: a request sent just before
// may reach a loaded server's handler later.
type startCounter struct {
	http.RoundTripper
	n atomic.Int32
}

func (s *startCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	s.n.Add(1)
	return s.RoundTripper.RoundTrip(r)
}

func TestIterateBreakStopsFetching(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 1_000_000, delay: 2 * time.Millisecond})
	c := ps.client()
	tr := &http.Transport{}
	started := &startCounter{RoundTripper: tr}
	c.ApiCommunicator().SetHTTPClient(&http.Client{Transport: started})
	before := runtime.NumGoroutine()
	n := 0
	for r, err := range c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(100), Concurrency(4)).All() {
		if err != nil {
			t.Fatal(err)
		}
		_ = r
		n++
		if n == 250 {
			break
		}
	}
	if g := pagerGoroutines(); g != 0 {
		t.Errorf("%d page fetchers still running after break", g)
	}
	// At most the three pages the loop reached (it breaks inside the third) and the four
	// fetched ahead while it works on the third: the read-ahead launches them before it
	// hands a page over, so how many have started when the loop breaks depends on timing.
	requested := started.n.Load()
	if requested > 3+4 {
		t.Errorf("%d pages requested to read 250 records at 100 a page with 4 in flight", requested)
	}
	time.Sleep(20 * time.Millisecond)
	if started.n.Load() != requested {
		t.Errorf("requests went on after break: %d → %d", requested, started.n.Load())
	}
	// Keep-alive connections hold transport goroutines on both ends: drop them, then the
	// count must come back to where it was (polled, bounded).
	tr.CloseIdleConnections()
	ps.CloseClientConnections()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("goroutines: %d before, %d after", before, after)
	}
}

// With one page in flight there is no read-ahead: a loop that stops early sends exactly
// the requests for the pages it reached, on every run.
func TestIterateConcurrencyOneFetchesOnDemand(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 1000})
	c := ps.client()
	for _, stopAt := range []int{1, 100, 150, 250} {
		before := ps.count.Load()
		n := 0
		for _, err := range c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(100), Concurrency(1)).All() {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == stopAt {
				break
			}
		}
		if got, want := ps.count.Load()-before, int32((stopAt+99)/100); got != want {
			t.Errorf("break at record %d: %d pages requested, want %d", stopAt, got, want)
		}
	}
	before := ps.count.Load()
	if _, err := c.Iterate(ctxT(t), BuildReadRequest("Items"), PageSize(100), Concurrency(1)).First(); err != nil {
		t.Fatal(err)
	}
	if got := ps.count.Load() - before; got != 1 {
		t.Errorf("First: %d pages requested, want 1", got)
	}
	// A whole read still gets every page, in order.
	c.ApiCommunicator().SetConcurrency(1)
	resp, err := c.Execute(ctxT(t), BuildReadRequest("Items").SetTake(300).SetRequestType(TypeAll))
	if err != nil || len(resp.Records()) != 1000 {
		t.Fatalf("read all with concurrency 1: %v, %d records", err, len(resp.Records()))
	}
}

func TestIterateCancelStopsAtOnce(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 1_000_000, delay: 5 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var err error
	for _, e := range ps.client().Iterate(ctx, BuildReadRequest("Items"), PageSize(100)).All() {
		if e != nil {
			err = e
			break
		}
		n++
		if n == 120 {
			cancel()
		}
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v after %d records", err, n)
	}
	if n != 120 {
		t.Errorf("%d records delivered, want none after cancelling at 120", n)
	}
	if g := pagerGoroutines(); g != 0 {
		t.Errorf("%d page fetchers still running", g)
	}
}

// At the default concurrency an iteration fetches ahead as many pages as fit in
// iterateAheadBytes (at least 2), so that memory stays bounded however large the
// records are; a concurrency the caller chose is used as it is. The pages asked for
// are counted when the loop gets its first page: the read-ahead is launched by then.
func TestIterateAheadBoundedByBytes(t *testing.T) {
	const take = 100
	cases := []struct {
		name string
		pad  int // bytes per record
		opts []IterateOption
		conc int // the client's concurrency (0: the default)
		want int // pages in flight besides the first
	}{
		{"small records", 0, nil, 0, DefaultConcurrency},
		{"records of 20 KB", 20_000, nil, 0, iterateAheadBytes / (take * 20_000)},
		{"records of 100 KB", 100_000, nil, 0, minAheadPages},
		{"the caller's concurrency option", 20_000, []IterateOption{Concurrency(DefaultConcurrency)}, 0, DefaultConcurrency},
		{"the client's own concurrency", 20_000, nil, 5, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := newPageServer(t, pagesConfig{records: 40 * take, pad: c.pad})
			cl := ps.client()
			if c.conc > 0 {
				cl.ApiCommunicator().SetConcurrency(c.conc)
			}
			it := cl.Iterate(ctxT(t), NewReadRequest("items"), append([]IterateOption{PageSize(take)}, c.opts...)...)
			p, err := it.newPager(0)
			if err != nil {
				t.Fatal(err)
			}
			asked := -1
			if err := p.run(ctxT(t), func(*Response) bool { asked = p.pages; return false }); err != nil {
				t.Fatal(err)
			}
			if asked-1 != c.want {
				t.Errorf("%d pages asked for ahead of the first, want %d", asked-1, c.want)
			}
		})
	}
	if w := aheadWindow(DefaultConcurrency, iterateAheadBytes, 1000*1300); w != 5 {
		t.Errorf("pages of 1000 records of 1.3 KB: %d in flight, want 5", w)
	}
	if w := aheadWindow(1, iterateAheadBytes, 1<<30); w != 1 {
		t.Errorf("concurrency 1 with huge pages: %d in flight, want 1", w)
	}
}
