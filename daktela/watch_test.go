package daktela_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// delivery is one record a watch delivered.
type delivery struct{ name, edited, title string }

func decodeDelivery(t *testing.T, rec daktela.Record) delivery {
	t.Helper()
	m, err := rec.Map()
	if err != nil {
		t.Fatal(err)
	}
	return delivery{name: fmt.Sprint(m["name"]), edited: fmt.Sprint(m["edited"]), title: fmt.Sprint(m["title"])}
}

// watchUntil runs a watch in a goroutine until stop says it has seen enough (or the
// safety deadline ends it) and returns what it delivered and how it ended.
func watchUntil(t *testing.T, c *daktela.Client, req *daktela.ReadRequest, opts daktela.WatchOptions, stop func([]delivery) bool) ([]delivery, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a safety bound, not a measured time
	defer cancel()
	var got []delivery
	for rec, err := range c.Watch(ctx, req, opts) {
		if err != nil {
			return got, err
		}
		got = append(got, decodeDelivery(t, rec))
		if stop(got) {
			break
		}
	}
	return got, nil
}

func retitle(t *testing.T, c *daktela.Client, ticket, title string) {
	t.Helper()
	_, err := c.Execute(context.Background(), daktela.BuildUpdateRequest("Tickets").SetObjectName(ticket).AddAttribute("title", title))
	if err != nil {
		t.Fatal(err)
	}
}

// lastTitles says whether got holds, for every ticket of want, a delivery with the title
// last written to it.
func lastTitles(got []delivery, want map[string]string) bool {
	seen := map[string]bool{}
	for _, d := range got {
		if want[d.name] == d.title {
			seen[d.name] = true
		}
	}
	return len(seen) == len(want)
}

func TestWatchDeliversEachChangeInItsLatestState(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)

	want := map[string]string{}
	var mu sync.Mutex
	since := serverTime(t, c)
	go func() {
		// Edits while the watch runs: one ticket edited three times, others once.
		for i, tk := range []string{"1001", "1002", "1001", "1003", "1001"} {
			title := fmt.Sprintf("edit %d of %s", i, tk)
			retitle(t, c, tk, title)
			mu.Lock()
			want[tk] = title
			mu.Unlock()
		}
	}()
	opts := daktela.WatchOptions{Every: 20 * time.Millisecond, Since: since, OnError: func(err error, _ time.Duration) { t.Error(err) }}
	got, err := watchUntil(t, c, daktela.BuildReadRequest("Tickets"), opts, func(got []delivery) bool {
		mu.Lock()
		defer mu.Unlock()
		return len(want) == 3 && lastTitles(got, want)
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range got {
		key := d.name + "@" + d.edited
		if seen[key] {
			t.Errorf("delivered twice: ticket %s edited %s", d.name, d.edited)
		}
		seen[key] = true
	}
}

// serverTime asks the server for its clock.
func serverTime(t *testing.T, c *daktela.Client) string {
	t.Helper()
	resp, err := c.Execute(context.Background(), daktela.BuildReadRequest("Queues").SetTake(1))
	if err != nil {
		t.Fatal(err)
	}
	return resp.Time()
}

func TestWatchResumesFromItsCheckpoint(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	cp := filepath.Join(t.TempDir(), "tickets.checkpoint")
	opts := daktela.WatchOptions{Every: 20 * time.Millisecond, Since: serverTime(t, c), Checkpoint: cp}
	daktela.SetWatchPageSize(&opts, 2) // a poll of several pages

	want := map[string]string{}
	for _, tk := range []string{"1004", "1005", "1006", "1007", "1008"} {
		want[tk] = "first run " + tk
		retitle(t, c, tk, want[tk])
	}
	// The first run handles three records and breaks out: it was done with the third.
	first, err := watchUntil(t, c, daktela.BuildReadRequest("Tickets"), opts, func(got []delivery) bool { return len(got) == 3 })
	if err != nil || len(first) != 3 {
		t.Fatalf("first run: %v, %d records", err, len(first))
	}
	if b, err := os.ReadFile(cp); err != nil || !strings.Contains(string(b), `"cursor"`) {
		t.Fatalf("checkpoint after the first run: %q, %v", b, err)
	}
	// Changed while no watch runs: one of the delivered ones and a new one.
	want[first[0].name] = "between runs"
	retitle(t, c, first[0].name, want[first[0].name])
	want["1009"] = "between runs 1009"
	retitle(t, c, "1009", want["1009"])

	second, err := watchUntil(t, c, daktela.BuildReadRequest("Tickets"), opts, func(got []delivery) bool {
		return lastTitles(append(append([]delivery(nil), first...), got...), want)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range second {
		for _, f := range first {
			if d == f {
				t.Errorf("the second run delivered again what the first handled: %+v", d)
			}
		}
	}
}

func TestWatchIdlePollIsOneRequest(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	// A ticket changed just before: each poll reads it again in the overlap and drops it.
	since := serverTime(t, c)
	retitle(t, c, "1010", "before the polls")
	srv.ResetLog()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := daktela.WatchOptions{Every: 10 * time.Millisecond, Since: since}
	polls := 0
	done := make(chan error, 1)
	go func() {
		for _, err := range c.Watch(ctx, daktela.BuildReadRequest("Tickets"), opts) {
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := 0; i < 2000 && polls < 6; i++ { // bounded: each round sleeps one interval
		time.Sleep(10 * time.Millisecond)
		polls = len(srv.Requests())
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled watch ends with the context's error, got %v", err)
	}
	reqs := srv.Requests()
	if len(reqs) < 6 {
		t.Fatalf("only %d polls", len(reqs))
	}
	for _, r := range reqs {
		if r.Method != "GET" || r.Path != "tickets.json" || r.Query.Get("skip") != "0" || r.Query.Get("filter[filters][0][field]") != "edited" {
			t.Errorf("a poll sent %s %s %v; want one read of tickets from the cursor", r.Method, r.Path, r.Query)
		}
	}
	// Every poll is a first page: no poll took a second request.
	for _, r := range reqs {
		if r.Query.Get("filter[filters][0][value]") == "" {
			t.Errorf("poll without a cursor: %v", r.Query)
		}
	}
}

func TestWatchRefusesAModelWithoutEdited(t *testing.T) {
	c := daktela.NewClient("http://127.0.0.1:1", "token")
	for _, tc := range []struct {
		model, field, want string
	}{
		{"Activities", "", "activities have no edited field to watch by; name the change timestamp with the field option, a datetime field of the model such as time_close, time, time_wait"},
		{"Activities", "title", `activities.title is a string, not a datetime`},
		{"Tickets", "edit", `tickets have no field "edit"`},
	} {
		for _, err := range c.Watch(context.Background(), daktela.BuildReadRequest(tc.model), daktela.WatchOptions{Field: tc.field}) {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s by %q: got %v, want an error containing %q", tc.model, tc.field, err, tc.want)
			}
			break
		}
	}
}

func TestWatchActivitiesByTimeClose(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Live: 200})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	opts := daktela.WatchOptions{Every: 20 * time.Millisecond, Field: "time_close", Since: serverTime(t, c)}
	got, err := watchUntil(t, c, daktela.BuildReadRequest("Activities").AddFilter("type", "eq", "CALL"), opts,
		func(got []delivery) bool { return len(got) >= 5 })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 5 {
		t.Fatalf("%d calls delivered", len(got))
	}
}

func TestWatchRetriesFailedPollsWithoutSkipping(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Faults: "5xx:0.3:path=tickets:method=GET,reset:0.1:path=tickets:method=GET"})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	c.ApiCommunicator().SetRetryConfig(daktela.RetryConfig{MaxRetries: 0, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond,
		Multiplier: 2, RetryableStatusCodes: []int{500, 502, 503, 504}, RetryOnConnectionError: true})
	opts := daktela.WatchOptions{Every: 10 * time.Millisecond, Since: serverTime(t, c)}
	daktela.SetWatchPageSize(&opts, 3)
	var retries int
	opts.OnError = func(error, time.Duration) { retries++ }
	want := map[string]string{}
	for i := 1011; i < 1020; i++ {
		tk := fmt.Sprint(i)
		want[tk] = "faulty " + tk
		retitle(t, c, tk, want[tk])
	}
	got, err := watchUntil(t, c, daktela.BuildReadRequest("Tickets"), opts, func(got []delivery) bool { return lastTitles(got, want) })
	if err != nil {
		t.Fatal(err)
	}
	if !lastTitles(got, want) || retries == 0 {
		t.Fatalf("delivered %v after %d retried polls", got, retries)
	}
}

// No error, retry notice or checkpoint of a watch holds the token, whichever way it
// travels.
func TestWatchKeepsTheTokenOutOfErrorsAndCheckpoints(t *testing.T) {
	for _, mode := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		srv := daktelatest.NewServer(daktelatest.Options{Faults: "5xx:n=2:path=tickets,reset:n=3:path=tickets"})
		defer srv.Close()
		c := daktela.NewClient(srv.URL, srv.Token)
		c.ApiCommunicator().SetAuthenticationMethod(mode)
		c.ApiCommunicator().SetRetryConfig(daktela.DisabledRetryConfig())
		var texts []string
		cp := filepath.Join(t.TempDir(), "cp.json")
		opts := daktela.WatchOptions{Every: 10 * time.Millisecond, Since: serverTime(t, c), Checkpoint: cp,
			OnError: func(err error, _ time.Duration) { texts = append(texts, err.Error()) }}
		retitle(t, c, "1020", "seen in "+string(mode))
		_, err := watchUntil(t, c, daktela.BuildReadRequest("Tickets"), opts, func(got []delivery) bool { return len(got) > 0 })
		if err != nil {
			t.Fatal(err)
		}
		// A read the server refuses (400) ends the watch with its error.
		for _, err := range c.Watch(context.Background(), daktela.BuildReadRequest("Tickets").AddFilter("nofield", "eq", "x"), opts) {
			if err == nil {
				t.Fatal("a watch of a refused read delivered a record")
			}
			texts = append(texts, err.Error())
			break
		}
		b, _ := os.ReadFile(cp)
		texts = append(texts, string(b))
		if len(texts) < 3 {
			t.Errorf("%s: expected retried polls and an error, got %q", mode, texts)
		}
		for _, s := range texts {
			if strings.Contains(s, srv.Token) {
				t.Fatalf("%s: the token leaked: %q", mode, s)
			}
		}
	}
}

// When the server's clock goes back (summer time ends: its stamps are local times),
// changes stamped before the cursor are still delivered.
func TestWatchFollowsAServerClockThatGoesBack(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 10, 25, 2, 59, 50, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	tick := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	srv := daktelatest.NewServer(daktelatest.Options{Now: clock, Anchor: time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	opts := daktela.WatchOptions{Every: 10 * time.Millisecond, Since: serverTime(t, c)}
	retitle(t, c, "1001", "before the change of time")
	tick(2 * time.Second) // its second is over
	phase := 0
	got, err := watchUntil(t, c, daktela.BuildReadRequest("Tickets"), opts, func(got []delivery) bool {
		if phase == 0 {
			// Delivered; now an hour goes back and another ticket changes.
			phase = 1
			tick(-time.Hour)
			retitle(t, c, "1002", "after the change of time")
			tick(2 * time.Second)
			return false
		}
		return got[len(got)-1].name == "1002"
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].title != "after the change of time" {
		t.Fatalf("delivered %+v", got)
	}
}

// A caller that pulls records (iter.Pull2) and gives up on the one it has says so with
// Unfinished: stopping then leaves that record for the next run, where a plain stop
// acknowledges it.
func TestWatchUnfinishedLeavesTheRecord(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	cp := filepath.Join(t.TempDir(), "tickets.checkpoint")
	gaveUp := true
	opts := daktela.WatchOptions{Every: 20 * time.Millisecond, Since: serverTime(t, c), Checkpoint: cp,
		Unfinished: func() bool { return gaveUp }}
	retitle(t, c, "1004", "to be handled")
	first := func() delivery {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a safety bound
		defer cancel()
		next, stop := iter.Pull2(c.Watch(ctx, daktela.BuildReadRequest("Tickets"), opts))
		defer stop()
		rec, err, ok := next()
		if err != nil || !ok {
			t.Fatalf("no record: %v, %v", err, ok)
		}
		return decodeDelivery(t, rec)
	}
	if d := first(); d.name != "1004" {
		t.Fatalf("first run got %v", d)
	}
	gaveUp = false
	if d := first(); d.name != "1004" {
		t.Fatalf("after giving up, the next run got %v, want 1004 again", d)
	}
	retitle(t, c, "1005", "the next change")
	if d := first(); d.name != "1005" {
		t.Fatalf("after a plain stop, the next run got %v, want the next change (1005)", d)
	}
}
