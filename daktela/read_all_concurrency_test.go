package daktela

import (
	"testing"
	"time"
)

// A TypeAll read holds every page anyway: with the default concurrency it keeps more
// pages in flight (ReadAllConcurrency); a concurrency the caller set is kept.
func TestReadAllConcurrencyDefault(t *testing.T) {
	ps := newPageServer(t, pagesConfig{records: 40 * 100, delay: 50 * time.Millisecond})
	resp, err := ps.client().Execute(ctxT(t), readAllReq(100))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 0, 4000)
	if m := ps.maxInFlight.Load(); m <= DefaultConcurrency || m > ReadAllConcurrency {
		t.Errorf("max %d pages in flight, want %d < n <= %d with the default concurrency", m, DefaultConcurrency, ReadAllConcurrency)
	}

	set := newPageServer(t, pagesConfig{records: 40 * 100, delay: 50 * time.Millisecond})
	c := set.client()
	c.ApiCommunicator().SetConcurrency(5)
	resp, err = c.Execute(ctxT(t), readAllReq(100))
	if err != nil {
		t.Fatal(err)
	}
	checkRecords(t, resp.Records(), 0, 4000)
	if m := set.maxInFlight.Load(); m > 5 {
		t.Errorf("max %d pages in flight with SetConcurrency(5)", m)
	}
}
