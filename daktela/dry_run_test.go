package daktela_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// A held-back write answers as the server would, so that a script runs on: a create 201
// with a made-up name and _sys, an update 200 merged over a read of the record, a
// delete 204; nothing is written and the counts say what would have been sent.
func TestDryRunAnswers(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	contactsBefore := srv.Count("contacts")
	var shown []string
	d := daktela.NewDryRun(func(w daktela.WriteIntent) { shown = append(shown, w.Method+" "+w.Path) })
	c := srv.Client()
	c.ApiCommunicator().ShareDryRun(d)
	// A second client of the same run shares the numbering.
	c2 := srv.Client()
	c2.ApiCommunicator().ShareDryRun(d)

	created := func(c *daktela.Client, req *daktela.CreateRequest) map[string]any {
		t.Helper()
		resp, err := c.Execute(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if !resp.DryRun() || resp.HTTPStatus() != 201 {
			t.Fatalf("create answered dryRun=%v status %d", resp.DryRun(), resp.HTTPStatus())
		}
		m, err := resp.Record().Map()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	first := created(c, daktela.BuildCreateRequest("Contacts").AddAttribute("title", "Ann").AddAttribute("database", "db1"))
	if first["name"] != "dryrun_Contacts_1" || first["title"] != "Ann" || first["database"] != "db1" {
		t.Errorf("created record %v", first)
	}
	sys, _ := first["_sys"].(map[string]any)
	if sys == nil || sys["model"] != "contacts" || sys["hash"] != nil {
		t.Errorf("created _sys %v", first["_sys"])
	}
	// n counts per model, whatever the spelling; the name keeps the request's.
	if got := created(c2, daktela.BuildCreateRequest("contacts").AddAttribute("title", "Bo"))["name"]; got != "dryrun_contacts_2" {
		t.Errorf("second contact named %v", got)
	}
	if got := created(c, daktela.BuildCreateRequest("CampaignsRecords").AddAttribute("contact", "dryrun_Contacts_1"))["name"]; got != "dryrun_CampaignsRecords_1" {
		t.Errorf("campaign record named %v", got)
	}
	// A name the script sends is the record's name.
	if got := created(c, daktela.BuildCreateRequest("Statuses").AddAttribute("name", "mine").AddAttribute("title", "T"))["name"]; got != "mine" {
		t.Errorf("named create gave %v", got)
	}

	// An update of a real record: the attributes sent over a read of it, in its order.
	existing := srv.Names("contacts")[0]
	before, _ := c.Execute(ctx, daktela.BuildReadSingleRequest("Contacts", existing))
	resp, err := c.Execute(ctx, daktela.BuildUpdateRequest("Contacts").SetObjectName(existing).AddAttribute("title", "Changed").AddAttribute("extra_key", 5))
	if err != nil {
		t.Fatal(err)
	}
	if !resp.DryRun() || resp.HTTPStatus() != 200 {
		t.Fatalf("update answered dryRun=%v status %d", resp.DryRun(), resp.HTTPStatus())
	}
	upd, _ := resp.Record().Map()
	old, _ := before.Record().Map()
	if upd["title"] != "Changed" || upd["name"] != existing || upd["extra_key"] != float64(5) {
		t.Errorf("updated record %v", upd)
	}
	for k, v := range old {
		if k != "title" && k != "_sys" && upd[k] == nil && v != nil {
			t.Errorf("the update's answer lost %q", k)
		}
	}
	if keys := strings.Join(recordKeys(t, resp.Record()), ","); !strings.HasSuffix(keys, ",extra_key,_sys") || !strings.HasPrefix(keys, strings.Join(recordKeys(t, before.Record())[:2], ",")) {
		t.Errorf("merged keys in order %s", keys)
	}
	// An update of a record a held-back create made needs no read.
	resp, err = c.Execute(ctx, daktela.BuildUpdateRequest("Contacts").SetObjectName("dryrun_Contacts_1").AddAttribute("title", "Ann B"))
	if err != nil || resp.HTTPStatus() != 200 {
		t.Fatalf("update of a dry-run record: %v", err)
	}
	if m, _ := resp.Record().Map(); m["name"] != "dryrun_Contacts_1" || m["title"] != "Ann B" {
		t.Errorf("update of a dry-run record answered %v", m)
	}
	// An update of a record that does not exist fails as the real one would.
	_, err = c.Execute(ctx, daktela.BuildUpdateRequest("Contacts").SetObjectName("no_such_contact").AddAttribute("title", "x"))
	var nf *daktela.NotFoundError
	if !errors.As(err, &nf) || nf.Method != "PUT" || !strings.Contains(err.Error(), "contacts/no_such_contact.json") || !strings.Contains(err.Error(), "dry run") {
		t.Errorf("update of a missing record: %v", err)
	}

	resp, err = c.Execute(ctx, daktela.BuildDeleteRequest("Contacts").SetObjectName(existing))
	if err != nil || !resp.DryRun() || resp.HTTPStatus() != 204 || !resp.IsEmpty() {
		t.Fatalf("delete: %v %+v", err, resp)
	}

	// Nothing was written: the records are as they were.
	if srv.Count("contacts") != contactsBefore {
		t.Errorf("contacts %d, were %d", srv.Count("contacts"), contactsBefore)
	}
	if _, ok := srv.Record("contacts", existing); !ok {
		t.Error("the deleted contact is gone")
	}
	if rec, _ := srv.Record("contacts", existing); rec["title"] == "Changed" {
		t.Error("the update was applied")
	}
	if len(shown) != 8 {
		t.Errorf("shown %d writes: %v", len(shown), shown)
	}
	want := []daktela.DryRunCount{
		{Model: "campaignsRecords", Creates: 1},
		{Model: "contacts", Creates: 2, Updates: 3, Deletes: 1},
		{Model: "statuses", Creates: 1},
	}
	if got := d.Counts(); !equalCounts(got, want) {
		t.Errorf("counts %+v, want %+v", got, want)
	}
}

func equalCounts(a, b []daktela.DryRunCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// recordKeys returns a record's top-level keys in order.
func recordKeys(t *testing.T, rec daktela.Record) []string {
	t.Helper()
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(rec))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// The dry run's read of a record to update, and the error when it is missing, never
// show the token, in either auth mode.
func TestDryRunUpdateReadKeepsTheTokenOut(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		var shown []string
		var logged strings.Builder
		c := srv.Client()
		c.ApiCommunicator().SetAuthenticationMethod(auth)
		c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logged, nil)))
		c.ApiCommunicator().SetDryRun(func(w daktela.WriteIntent) { shown = append(shown, w.Path) })
		_, err := c.Execute(context.Background(), daktela.BuildUpdateRequest("Contacts").SetObjectName("missing").AddAttribute("title", "x"))
		if err == nil {
			t.Fatalf("%s: no error for a missing record", auth)
		}
		for what, s := range map[string]string{"error": err.Error(), "log": logged.String(), "shown": strings.Join(shown, " ")} {
			if strings.Contains(s, srv.Token) {
				t.Errorf("%s: the token is in the %s: %s", auth, what, s)
			}
		}
		if !strings.Contains(logged.String(), "contacts/missing.json") {
			t.Errorf("%s: the read is not logged: %s", auth, logged.String())
		}
	}
}
