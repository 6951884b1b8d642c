package daktela_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// recordName returns a record's name.
func recordName(t *testing.T, r daktela.Record) string {
	t.Helper()
	var v struct {
		Name string `json:"name"`
	}
	if err := r.Decode(&v); err != nil {
		t.Fatalf("record %s: %v", r, err)
	}
	return v.Name
}

// twoContactsWithTickets returns the names of two demo contacts that both have tickets,
// and how many each has.
func twoContactsWithTickets(t *testing.T, c *daktela.Client) (names []string, tickets []int) {
	t.Helper()
	ctx := context.Background()
	resp, err := c.Execute(ctx, daktela.BuildReadRequest("Contacts").SetTake(50))
	if err != nil {
		t.Fatal(err)
	}
	for i := range resp.Records() {
		name := recordName(t, resp.Records()[i])
		tr, err := c.Execute(ctx, daktela.BuildReadRequest("Contacts").SetObjectName(name).SetRelation("tickets").SetTake(1))
		if err != nil {
			t.Fatal(err)
		}
		if tr.Total() > 0 {
			names, tickets = append(names, name), append(tickets, tr.Total())
		}
		if len(names) == 2 {
			return names, tickets
		}
	}
	t.Fatal("the demo data has no two contacts with tickets")
	return nil, nil
}

// TestMergeContacts: Merge sends POST mergeContacts.json with the names as contacts[i]
// in the query; the fake keeps the first, removes the second and moves its tickets to
// the first; the write is counted under the model.
func TestMergeContacts(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	c := daktela.NewClient(srv.URL, srv.Token)
	names, tickets := twoContactsWithTickets(t, c)
	srv.ResetLog()
	resp, err := c.Merge(ctx, "Contacts", names)
	if err != nil {
		t.Fatal(err)
	}
	if got := recordName(t, resp.Record()); got != names[0] || resp.HTTPStatus() != 200 {
		t.Errorf("merged record %q (HTTP %d), want %q (200)", got, resp.HTTPStatus(), names[0])
	}
	log := srv.Requests()
	if len(log) != 1 || log[0].Method != "POST" || log[0].Path != "mergeContacts.json" ||
		strings.Join(log[0].Query["contacts[0]"], "") != names[0] || strings.Join(log[0].Query["contacts[1]"], "") != names[1] {
		t.Errorf("requests sent: %+v", log)
	}
	if got := c.WritesSent("Contacts"); got != 1 {
		t.Errorf("WritesSent(Contacts) = %d, want 1", got)
	}
	_, err = c.Execute(ctx, daktela.BuildReadRequest("Contacts").SetRequestType(daktela.TypeSingle).SetObjectName(names[1]))
	var nf *daktela.NotFoundError
	if !errors.As(err, &nf) {
		t.Errorf("the merged-away contact: %v, want a NotFoundError", err)
	}
	tr, err := c.Execute(ctx, daktela.BuildReadRequest("Contacts").SetObjectName(names[0]).SetRelation("tickets").SetTake(1))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Total() != tickets[0]+tickets[1] {
		t.Errorf("the surviving contact has %d tickets, want %d + %d", tr.Total(), tickets[0], tickets[1])
	}
}

// TestMergeDryRun: under dry-run a merge is shown and not sent, answers with a read of
// the first record and is not counted as sent; a first record that does not exist fails
// as the real merge would.
func TestMergeDryRun(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	c := daktela.NewClient(srv.URL, srv.Token)
	names, _ := twoContactsWithTickets(t, c)
	var shown []daktela.WriteIntent
	d := daktela.NewDryRun(func(wi daktela.WriteIntent) { shown = append(shown, wi) })
	c.ApiCommunicator().ShareDryRun(d)
	srv.ResetLog()
	resp, err := c.Merge(ctx, "contacts", names)
	if err != nil {
		t.Fatal(err)
	}
	if !resp.DryRun() || recordName(t, resp.Record()) != names[0] {
		t.Errorf("dry-run answer: DryRun %v, record %s", resp.DryRun(), resp.Record())
	}
	want := "mergeContacts.json?contacts%5B0%5D=" + names[0] + "&contacts%5B1%5D=" + names[1]
	if len(shown) != 1 || shown[0].Method != "POST" || shown[0].Path != want {
		t.Errorf("shown %+v, want POST %s", shown, want)
	}
	for _, r := range srv.Requests() {
		if r.Method != "GET" {
			t.Errorf("dry run sent %s %s", r.Method, r.Path)
		}
	}
	if got := c.WritesSent("contacts"); got != 0 {
		t.Errorf("WritesSent = %d under dry-run, want 0", got)
	}
	if counts := d.Counts(); len(counts) != 1 || counts[0].Model != "contacts" || counts[0].Merges != 1 {
		t.Errorf("dry-run counts %+v, want one merge of contacts", counts)
	}
	_, err = c.Merge(ctx, "Contacts", []string{"no-such-contact", names[1]})
	var nf *daktela.NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "no-such-contact") {
		t.Errorf("dry-run merge of a missing record: %v", err)
	}
}

// TestMergeIsNotRetried: a merge answered 503 is sent once and its error says the
// records may be merged already.
func TestMergeIsNotRetried(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	c.ApiCommunicator().SetRetryConfig(daktela.RetryConfig{MaxRetries: 3, RetryableStatusCodes: []int{503}, RetryOnConnectionError: true})
	srv.SetFaults(daktelatest.FaultRule{Kind: daktelatest.Fault5xx, Status: 503, Path: "merge"})
	_, err := c.Merge(context.Background(), "Accounts", []string{"a1", "a2"})
	if err == nil || !strings.Contains(err.Error(), "merges are not retried") {
		t.Errorf("merge answered 503: %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests sent, want 1", n)
	}
	// A connection dropped after the merge went out: not sent again either.
	srv.ResetLog()
	srv.SetFaults(daktelatest.FaultRule{Kind: daktelatest.FaultReset, Path: "merge"})
	_, err = c.Merge(context.Background(), "Tickets", []string{"1", "2"})
	if !errors.Is(err, daktela.ErrOutcomeUnknown) || !strings.Contains(err.Error(), "may be merged already") {
		t.Errorf("merge whose connection was dropped: %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests sent after a dropped connection, want 1", n)
	}
}

// TestMergeArguments: a wrong model or fewer than two names is an ArgumentError and
// nothing is sent.
func TestMergeArguments(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	for _, tc := range []struct {
		model string
		names []string
		want  string
	}{
		{"Users", []string{"a", "b"}, `merge: model must be "Contacts", "Accounts" or "Tickets", got "Users"`},
		{"Tickets", []string{"1"}, "merge: names must be a list of at least two record names"},
		{"Tickets", []string{"1", " "}, "merge: names[1] must be a record name"},
	} {
		_, err := c.Merge(context.Background(), tc.model, tc.names)
		var ae *daktela.ArgumentError
		if !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Merge(%q, %q): %v, want %s", tc.model, tc.names, err, tc.want)
		}
	}
	if n := srv.RequestCount(); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}
