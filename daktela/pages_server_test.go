package daktela

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testToken is the access token the test servers expect. It is long and distinctive so
// a leak anywhere in a message is easy to find.
const testToken = "tok-SECRET-5f1e2d3c4b5a69788796a5b4c3d2e1f0"

// pagesConfig describes the list the test page server serves at /api/v6/items.json.
type pagesConfig struct {
	records   int                // records that exist
	recordsAt func(n int) int    // records that exist when the n-th request (1-based) arrives; overrides records
	totalJSON func(n int) string // the "total" member for the n-th request; nil = the count that exists
	delay     time.Duration      // added before each answer
	failSkip  map[int]int        // answer the page at this skip with this status
	pad       int                // bytes of a "pad" field in every record (large records)
}

// pageReq is one request the page server got.
type pageReq struct{ skip, take int }

// pageServer is an httptest server on 127.0.0.1 serving a list of records
// {"name":"r<i>","i":<i>}, recording each request.
type pageServer struct {
	*httptest.Server
	cfg         pagesConfig
	count       atomic.Int32
	inFlight    atomic.Int32
	maxInFlight atomic.Int32
	mu          sync.Mutex
	reqs        []pageReq
}

func newPageServer(t testing.TB, cfg pagesConfig) *pageServer {
	t.Helper()
	ps := &pageServer{cfg: cfg}
	ps.Server = httptest.NewServer(http.HandlerFunc(ps.serve))
	t.Cleanup(ps.Close)
	return ps
}

func (ps *pageServer) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api/v6/items.json" || r.Header.Get("X-AUTH-TOKEN") != testToken {
		http.Error(w, `{"error":["unexpected request"],"result":null}`, http.StatusBadRequest)
		return
	}
	cur := ps.inFlight.Add(1)
	defer ps.inFlight.Add(-1)
	for {
		m := ps.maxInFlight.Load()
		if cur <= m || ps.maxInFlight.CompareAndSwap(m, cur) {
			break
		}
	}
	n := int(ps.count.Add(1))
	skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
	take, _ := strconv.Atoi(r.URL.Query().Get("take"))
	ps.mu.Lock()
	ps.reqs = append(ps.reqs, pageReq{skip, take})
	ps.mu.Unlock()
	if ps.cfg.delay > 0 {
		select {
		case <-time.After(ps.cfg.delay):
		case <-r.Context().Done():
			return
		}
	}
	if st := ps.cfg.failSkip[skip]; st != 0 {
		w.WriteHeader(st)
		fmt.Fprintf(w, `{"error":["page at %d failed"],"result":null}`, skip)
		return
	}
	avail := ps.cfg.records
	if ps.cfg.recordsAt != nil {
		avail = ps.cfg.recordsAt(n)
	}
	total := strconv.Itoa(avail)
	if ps.cfg.totalJSON != nil {
		total = ps.cfg.totalJSON(n)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(pageBody(skip, take, avail, total, ps.cfg.pad))
}

// pageBody renders the records from skip (at most take, below avail) in the list
// envelope, each with a "pad" field of pad bytes when pad is not 0.
func pageBody(skip, take, avail int, totalJSON string, pad int) []byte {
	var b strings.Builder
	padField := ""
	if pad > 0 {
		padField = `,"pad":"` + strings.Repeat("x", pad) + `"`
	}
	b.WriteString(`{"error":[],"result":{"data":[`)
	for i := skip; i < skip+take && i < avail; i++ {
		if i > skip {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"r%d","i":%d,"title":"Record %d"%s}`, i, i, i, padField)
	}
	b.WriteString(`],"total":`)
	b.WriteString(totalJSON)
	b.WriteString(`},"_time":"2026-01-02 10:11:12"}`)
	return []byte(b.String())
}

// requests returns the requests the server got, in arrival order.
func (ps *pageServer) requests() []pageReq {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]pageReq(nil), ps.reqs...)
}

// skips returns the distinct skips requested, sorted.
func (ps *pageServer) skips() map[int]int {
	m := map[int]int{}
	for _, r := range ps.requests() {
		m[r.skip]++
	}
	return m
}

// client returns a client for the server with fast retries.
func (ps *pageServer) client() *Client {
	c := NewClient(ps.URL, testToken)
	rc := DefaultRetryConfig()
	rc.BaseDelay, rc.MaxDelay = time.Millisecond, 2*time.Millisecond
	c.ApiCommunicator().SetRetryConfig(rc)
	return c
}

// checkRecords asserts recs are the records from..from+n-1, in order, each once.
func checkRecords(t *testing.T, recs []Record, from, n int) {
	t.Helper()
	if len(recs) != n {
		t.Fatalf("got %d records, want %d", len(recs), n)
	}
	for k, r := range recs {
		var v struct{ I int }
		if err := json.Unmarshal(r, &v); err != nil {
			t.Fatalf("record %d: %v", k, err)
		}
		if v.I != from+k {
			t.Fatalf("record %d is r%d, want r%d (out of order or repeated)", k, v.I, from+k)
		}
	}
}

// readAllReq returns a TypeAll read of the test items with take.
func readAllReq(take int) *ReadRequest {
	return BuildReadRequest("Items").SetRequestType(TypeAll).SetTake(take)
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}
