package daktela_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// nameOf decodes a record's name (a string, or an integer such as a ticket's).
func nameOf(t *testing.T, r daktela.Record) string {
	t.Helper()
	m, err := r.Map()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(m["name"])
}

// countUndescribed counts the contacts without a description.
func countUndescribed(t *testing.T, c *daktela.Client) int {
	t.Helper()
	resp, err := c.Execute(context.Background(), daktela.BuildReadRequest("Contacts").
		AddFilter("description", "isnull", nil).SetTake(1))
	if err != nil {
		t.Fatal(err)
	}
	return resp.Total()
}

// The case: 20 000 contacts updated in one pass so that none matches the read
// any more. Offset paging skipped and repeated records once the loop's own writes shifted
// the result set (13 999 seen, one twice, 6 001 left); the iterator now visits each once.
func TestIterateUpdatingEveryRecordSoItNoLongerMatches(t *testing.T) {
	const n = 20_000
	srv := daktelatest.NewServer(daktelatest.Options{Records: map[string]int{"contacts": n}})
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	// No synthesised contact has a description; the loop gives each one.
	req := daktela.BuildReadRequest("Contacts").AddFilter("description", "isnull", nil)
	if got := countUndescribed(t, c); got != n {
		t.Fatalf("%d contacts match before the loop, want %d", got, n)
	}
	seen := make(map[string]int, n)
	visits := 0
	for rec, err := range c.Iterate(ctx, req, daktela.Concurrency(8)).All() {
		if err != nil {
			t.Fatal(err)
		}
		visits++
		if visits > 2*n {
			t.Fatalf("more than %d records: the loop does not end", 2*n)
		}
		name := nameOf(t, rec)
		seen[name]++
		up := daktela.BuildUpdateRequest("Contacts").SetObjectName(name).AddStringAttribute("description", "done")
		if _, err := c.Execute(ctx, up); err != nil {
			t.Fatal(err)
		}
	}
	twice := 0
	for _, k := range seen {
		if k > 1 {
			twice++
		}
	}
	if len(seen) != n || twice != 0 || visits != n {
		t.Errorf("%d records visited (%d distinct, %d more than once), want each of %d once", visits, len(seen), twice, n)
	}
	if left := countUndescribed(t, c); left != 0 {
		t.Errorf("%d contacts left untouched", left)
	}
}

// A read that writes nothing keeps its offsets and read-ahead; a loop that writes to
// the model continues after the last record it was given.
func TestIterateSwitchesToKeysetOnlyAfterAWrite(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Records: map[string]int{"contacts": 300}})
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	req := daktela.BuildReadRequest("Contacts").AddFilter("description", "isnull", nil)

	srv.ResetLog()
	n := 0
	for _, err := range c.Iterate(ctx, req, daktela.PageSize(50)).All() {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 300 {
		t.Fatalf("read %d records, want 300", n)
	}
	for _, r := range srv.Requests() {
		if containsCursor(r.Query) {
			t.Errorf("a read without writes sent a cursor: %v", r.Query)
		}
	}

	srv.ResetLog()
	n = 0
	for rec, err := range c.Iterate(ctx, req, daktela.PageSize(50)).All() {
		if err != nil {
			t.Fatal(err)
		}
		n++
		up := daktela.BuildUpdateRequest("Contacts").SetObjectName(nameOf(t, rec)).AddStringAttribute("description", "done")
		if _, err := c.Execute(ctx, up); err != nil {
			t.Fatal(err)
		}
	}
	if n != 300 {
		t.Errorf("visited %d records, want 300", n)
	}
	cursors := 0
	for _, r := range srv.Requests() {
		if r.Method == "GET" && containsCursor(r.Query) {
			cursors++
			if r.Query.Get("skip") != "0" {
				t.Errorf("a page after a cursor has skip %q, want 0", r.Query.Get("skip"))
			}
		}
	}
	if cursors == 0 {
		t.Error("no page was read after a cursor once the loop wrote to the model")
	}
}

// containsCursor reports whether a query holds a condition on name with gt or lt, which
// only a keyset page sends here.
func containsCursor(q url.Values) bool {
	for k, vs := range q {
		if prefix, ok := strings.CutSuffix(k, "[field]"); ok && len(vs) == 1 && vs[0] == "name" {
			if op := q.Get(prefix + "[operator]"); op == "gt" || op == "lt" {
				return true
			}
		}
	}
	return false
}

// The hard cases: a sort key the loop itself changes (edited: each update moves the
// record to the end of an ascending order, or the front of a descending one) and a
// nullable one, over tickets (integer names, compared as numbers). Each record comes
// once and the loop ends.
func TestIterateSortedByKeysTheLoopChanges(t *testing.T) {
	cases := []struct {
		model string
		sort  string
		dir   string
	}{
		{"Contacts", "edited", "asc"},
		{"Contacts", "edited", "desc"},
		{"Tickets", "edited", "asc"},
		{"Tickets", "closed", "asc"},  // null for open tickets: nulls first
		{"Tickets", "closed", "desc"}, // nulls last
		{"Tickets", "name", "desc"},
		{"Contacts", "account", "asc"}, // a foreign key, compared by the related record's name
	}
	for _, tc := range cases {
		t.Run(tc.model+"/"+tc.sort+"/"+tc.dir, func(t *testing.T) {
			srv := daktelatest.NewServer(daktelatest.Options{})
			defer srv.Close()
			c := srv.Client()
			ctx := context.Background()
			total := srv.Count(tc.model)
			req := daktela.BuildReadRequest(tc.model).AddSort(tc.sort, tc.dir)
			seen := map[string]int{}
			visits := 0
			for rec, err := range c.Iterate(ctx, req, daktela.PageSize(3)).All() {
				if err != nil {
					t.Fatal(err)
				}
				visits++
				if visits > 2*total {
					t.Fatalf("more than %d records: the loop does not end", 2*total)
				}
				name := nameOf(t, rec)
				seen[name]++
				// Make sure the update lands in a later second than the seeded edited.
				up := daktela.BuildUpdateRequest(tc.model).SetObjectName(name).
					AddStringAttribute("description", "visited "+time.Now().Format(time.RFC3339Nano))
				if _, err := c.Execute(ctx, up); err != nil {
					t.Fatal(err)
				}
			}
			if visits != total || len(seen) != total {
				t.Errorf("%d visits of %d distinct records, want each of %d once", visits, len(seen), total)
			}
		})
	}
}

// A server that serves fewer records than asked (500 for 1000) is read to the end: the
// read advances by what came back and keeps its read-ahead, for iterate and TYPE_ALL.
func TestReadsFollowAServerThatCapsTake(t *testing.T) {
	const n = 20_000
	srv := daktelatest.NewServer(daktelatest.Options{Records: map[string]int{"campaignsRecords": n}, Faults: "cap:take=500"})
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	for _, conc := range []int{1, 8} {
		seen := map[string]bool{}
		for rec, err := range c.Iterate(ctx, daktela.BuildReadRequest("CampaignsRecords").SetFields([]string{"name"}), daktela.Concurrency(conc)).All() {
			if err != nil {
				t.Fatal(err)
			}
			name := nameOf(t, rec)
			if seen[name] {
				t.Fatalf("concurrency %d: %s twice", conc, name)
			}
			seen[name] = true
		}
		if len(seen) != n {
			t.Errorf("concurrency %d: iterate read %d records, want %d", conc, len(seen), n)
		}
	}
	c.ApiCommunicator().SetConcurrency(8)
	resp, err := c.Execute(ctx, daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeAll).
		SetTake(1000).SetFields([]string{"name"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(resp.Records()); got != n || resp.Total() != n {
		t.Errorf("TYPE_ALL read %d records with total %d, want %d", got, resp.Total(), n)
	}
	seen := map[string]bool{}
	for _, rec := range resp.Records() {
		seen[nameOf(t, rec)] = true
	}
	if len(seen) != n {
		t.Errorf("TYPE_ALL: %d distinct records, want %d", len(seen), n)
	}
}

// A TYPE_ALL read in flight (as executeAsync runs it) while the same client deletes
// records it has not reached: no record comes twice and none of the others is missed.
func TestReadAllInFlightWhileTheClientWrites(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Records: map[string]int{"contacts": 2000}, Latency: 2 * time.Millisecond})
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	// The contacts the writer makes stop matching: every fourth one in name order.
	all, err := c.Iterate(ctx, daktela.BuildReadRequest("Contacts").AddFilter("description", "isnull", nil)).ToArray()
	if err != nil {
		t.Fatal(err)
	}
	var victims []string
	for i, rec := range all {
		if i%4 == 0 {
			victims = append(victims, nameOf(t, rec))
		}
	}
	isVictim := map[string]bool{}
	for _, v := range victims {
		isVictim[v] = true
	}
	type result struct {
		resp *daktela.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := c.Execute(ctx, daktela.BuildReadRequest("Contacts").SetRequestType(daktela.TypeAll).
			SetTake(50).AddFilter("description", "isnull", nil))
		done <- result{resp, err}
	}()
	for _, v := range victims {
		up := daktela.BuildUpdateRequest("Contacts").SetObjectName(v).AddStringAttribute("description", "gone")
		if _, err := c.Execute(ctx, up); err != nil {
			t.Fatal(err)
		}
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	seen := map[string]bool{}
	for _, rec := range r.resp.Records() {
		name := nameOf(t, rec)
		if seen[name] {
			t.Errorf("%s twice", name)
		}
		seen[name] = true
	}
	for _, rec := range all {
		if name := nameOf(t, rec); !isVictim[name] && !seen[name] {
			t.Errorf("%s, which the writer left alone, is missing", name)
		}
	}
}

// A read whose own filter is an OR group keeps it whole under the cursor's condition:
// tickets OPEN or WAIT, each closed by the loop, are each visited once.
func TestIterateWithAnOrFilterWhileClosingEachTicket(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	req := daktela.BuildReadRequest("Tickets").AddFilterFromArray(map[string]any{"logic": "or", "filters": []any{
		[]any{"stage", "eq", "OPEN"}, []any{"stage", "eq", "WAIT"},
	}})
	before, err := c.Iterate(ctx, req).Count()
	if err != nil {
		t.Fatal(err)
	}
	if before < 5 {
		t.Fatalf("only %d open or waiting tickets in the demo data", before)
	}
	seen := map[string]int{}
	for rec, err := range c.Iterate(ctx, req, daktela.PageSize(2)).All() {
		if err != nil {
			t.Fatal(err)
		}
		name := nameOf(t, rec)
		seen[name]++
		if len(seen) > before {
			t.Fatalf("more than %d tickets", before)
		}
		up := daktela.BuildUpdateRequest("Tickets").SetObjectName(name).AddStringAttribute("stage", "CLOSE")
		if _, err := c.Execute(ctx, up); err != nil {
			t.Fatal(err)
		}
	}
	for name, k := range seen {
		if k != 1 {
			t.Errorf("ticket %s visited %d times", name, k)
		}
	}
	if len(seen) != before {
		t.Errorf("%d tickets visited, want %d", len(seen), before)
	}
	if left, err := c.Iterate(ctx, req).Count(); err != nil || left != 0 {
		t.Errorf("%d tickets left open or waiting (%v)", left, err)
	}
}
