package daktelatest_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// TestPHPReadme runs every example of the official PHP connector's README, written with
// the Go client, against the fake server: the server must answer each as the real API
// would, with the README's own names (the campaign record records_5fa299a48ab72834012563,
// queue 3000), except that Users are filtered by name: the README's "username" is
// illustrative, no real user record has it (the login is name).
func TestPHPReadme(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	const record = "records_5fa299a48ab72834012563"

	decode := func(t *testing.T, r daktela.Record) map[string]any {
		t.Helper()
		m, err := r.Map()
		if err != nil {
			t.Fatalf("record is not JSON: %v", err)
		}
		return m
	}
	run := func(t *testing.T, c *daktela.Client, req daktela.Request) *daktela.Response {
		t.Helper()
		resp, err := c.Execute(ctx, req)
		if err != nil {
			t.Fatalf("execute: %v", err)
		}
		return resp
	}

	t.Run("instance and static access", func(t *testing.T) {
		for _, c := range []*daktela.Client{srv.Client(), daktela.GetInstance(srv.URL, srv.Token)} {
			resp := run(t, c, daktela.BuildReadRequest("Users").AddFilter("name", "eq", "admin"))
			if resp.Total() != 1 || decode(t, resp.Records()[0])["name"] != "admin" {
				t.Fatalf("users where name=admin: %d %v", resp.Total(), resp.Records())
			}
		}
	})
	c := srv.Client()
	c.ApiCommunicator().SetRequestTimeout(30 * time.Second)

	t.Run("read with filter and sort", func(t *testing.T) {
		resp := run(t, c, daktela.BuildReadRequest("CampaignsRecords").
			AddFilter("created", "gte", "2020-11-01 00:00:00").AddSort("created", "asc"))
		if resp.Total() != 200 || len(resp.Records()) != 100 {
			t.Fatalf("total %d, %d records", resp.Total(), len(resp.Records()))
		}
		prev := ""
		for _, r := range resp.Records() {
			cr := decode(t, r)["created"].(string)
			if cr < prev || cr < "2020-11-01 00:00:00" {
				t.Fatalf("order/filter broken: %s after %s", cr, prev)
			}
			prev = cr
		}
	})
	t.Run("read single, both ways", func(t *testing.T) {
		for _, req := range []*daktela.ReadRequest{
			daktela.BuildReadSingleRequest("CampaignsRecords", record),
			daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeSingle).SetObjectName(record),
		} {
			resp := run(t, c, req)
			if decode(t, resp.Record())["name"] != record {
				t.Fatalf("single: %s", resp.Record())
			}
		}
	})
	t.Run("read relation, both ways", func(t *testing.T) {
		for _, req := range []*daktela.ReadRequest{
			daktela.BuildReadRelationRequest("CampaignsRecords", record, "activities"),
			daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeMultiple).SetRelation("activities").SetObjectName(record),
		} {
			resp := run(t, c, req)
			if !resp.IsList() {
				t.Fatal("relation read is not a list")
			}
			// The seed gives the README's record calls, so the example prints something.
			if resp.Total() == 0 || len(resp.Records()) != resp.Total() {
				t.Fatalf("relation read: total %d, %d records; want the record's activities", resp.Total(), len(resp.Records()))
			}
			for _, a := range resp.Records() {
				if rec, _ := decode(t, a)["record"].(map[string]any); rec["name"] != record {
					t.Fatalf("activity of another record: %v", rec)
				}
			}
		}
	})
	t.Run("take and skip", func(t *testing.T) {
		resp := run(t, c, daktela.BuildReadRequest("CampaignsRecords").SetTake(1000).SetSkip(10))
		if resp.Total() != 200 || len(resp.Records()) != 190 {
			t.Fatalf("total %d, %d records", resp.Total(), len(resp.Records()))
		}
	})
	t.Run("fields", func(t *testing.T) {
		resp := run(t, c, daktela.BuildReadRequest("Users").SetFields([]string{"name", "email", "title"}))
		for _, r := range resp.Records() {
			if m := decode(t, r); len(m) != 3 || m["email"] == nil {
				t.Fatalf("projected user %v", m)
			}
		}
	})
	t.Run("read all", func(t *testing.T) {
		for _, skip := range []bool{false, true} {
			resp := run(t, c, daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeAll).
				AddFilter("created", "gte", "2020-11-01 00:00:00").AddSort("created", "asc").SetSkipErrorRequests(skip))
			if len(resp.Records()) != 200 {
				t.Fatalf("read all (skip errors %v): %d records", skip, len(resp.Records()))
			}
		}
	})
	t.Run("filters from arrays", func(t *testing.T) {
		resp := run(t, c, daktela.BuildReadRequest("CampaignsRecords").
			AddFilter("created", "gte", "2020-11-01 00:00:00").
			AddFilterFromArray([]any{
				map[string]any{"field": "edited", "operator": "lte", "0": "2025-12-31 23:59:59"},
				[]any{"action", "eq", "0"},
			}).AddSort("created", "asc").SetTake(1000))
		if resp.Total() == 0 || resp.Total() == 200 {
			l := srv.Requests()
			t.Fatalf("filters select %d of 200: %v", resp.Total(), l[len(l)-1].Query)
		}
		for _, r := range resp.Records() {
			m := decode(t, r)
			if m["action"] != "0" || m["edited"].(string) > "2025-12-31 23:59:59" {
				t.Fatalf("record outside the filters: %v %v", m["action"], m["edited"])
			}
		}
	})
	t.Run("or filter", func(t *testing.T) {
		resp := run(t, c, daktela.BuildReadRequest("Users").AddFilterFromArray(map[string]any{
			"logic": "or",
			"filters": []any{
				map[string]any{"field": "name", "operator": "eq", "value": "admin"},
				map[string]any{"field": "name", "operator": "eq", "value": "supervisor"},
			},
		}))
		if resp.Total() != 2 {
			t.Fatalf("admin or supervisor: %d", resp.Total())
		}
	})
	t.Run("create", func(t *testing.T) {
		resp := run(t, c, daktela.BuildCreateRequest("CampaignsRecords").
			AddStringAttribute("number", "00420226211245").AddIntAttribute("number", 0).
			AddAttributes(map[string]any{"queue": 3000}))
		m := decode(t, resp.Record())
		if resp.HTTPStatus() != 201 || !strings.HasPrefix(m["name"].(string), "records_") || m["number"] != "0" {
			t.Fatalf("create: %d %v", resp.HTTPStatus(), m)
		}
	})
	t.Run("update", func(t *testing.T) {
		resp := run(t, c, daktela.BuildUpdateRequest("CampaignsRecords").SetObjectName(record).
			AddStringAttribute("number", "00420226211245").AddIntAttribute("number", 0).
			AddAttributes(map[string]any{"queue": 3000}))
		if m := decode(t, resp.Record()); resp.HTTPStatus() != 200 || m["number"] != "0" || m["queue"].(map[string]any)["name"] != float64(3000) {
			t.Fatalf("update: %d %v", resp.HTTPStatus(), m)
		}
	})
	t.Run("processing response", func(t *testing.T) {
		resp := run(t, c, daktela.BuildReadRequest("Users"))
		data, _ := resp.Data().([]any)
		if len(data) != 8 || resp.Total() != 8 || !resp.Errors().Empty() || resp.HTTPStatus() != 200 ||
			!resp.IsSuccess() || resp.HasErrors() || resp.FirstError() != "" || resp.IsEmpty() {
			t.Fatalf("response helpers: %d records, total %d, errors %s, status %d", len(data), resp.Total(), resp.Errors().Raw(), resp.HTTPStatus())
		}
	})
	t.Run("delete and exceptions", func(t *testing.T) {
		resp := run(t, c, daktela.BuildDeleteRequest("CampaignsRecords").SetObjectName(record))
		if resp.HTTPStatus() != 204 {
			t.Fatalf("delete: %d", resp.HTTPStatus())
		}
		_, err := c.Execute(ctx, daktela.BuildReadSingleRequest("CampaignsRecords", record))
		var nf *daktela.NotFoundError
		var re *daktela.RequestError
		if !errors.As(err, &nf) || !errors.As(err, &re) || re.HTTPStatus() != 404 {
			t.Fatalf("read of deleted record: %v", err)
		}
	})
	t.Run("authentication methods", func(t *testing.T) {
		qc := srv.Client()
		for _, m := range []daktela.AuthMethod{daktela.AuthQuery, daktela.AuthHeader} {
			qc.ApiCommunicator().SetAuthenticationMethod(m)
			srv.ResetLog()
			run(t, qc, daktela.BuildReadRequest("Queues"))
			want := daktelatest.AuthQuery
			if m == daktela.AuthHeader {
				want = daktelatest.AuthHeader
			}
			if l := srv.Requests(); len(l) != 1 || l[0].Auth != want || l[0].Query.Get("accessToken") != "" {
				t.Fatalf("%s: %+v", m, l)
			}
		}
	})
	t.Run("advanced configuration, retries", func(t *testing.T) {
		rc := srv.Client()
		rc.ApiCommunicator().SetVerifySsl(false)
		rc.ApiCommunicator().SetUserAgentSuffix("MyApp/1.0")
		rc.ApiCommunicator().SetLogger(slog.New(slog.DiscardHandler))
		rc.ApiCommunicator().SetRetryConfig(daktela.RetryConfig{MaxRetries: 3, BaseDelay: 10 * time.Millisecond,
			MaxDelay: 100 * time.Millisecond, Multiplier: 2, RetryableStatusCodes: []int{500, 502, 503, 504}, RetryOnConnectionError: true})
		srv.SetFaults(daktelatest.FaultRule{Kind: daktelatest.Fault5xx, Status: 503, Times: 2})
		defer srv.SetFaults()
		resp := run(t, rc, daktela.BuildReadRequest("Queues"))
		if resp.Total() != 5 {
			t.Fatalf("after retries: %d", resp.Total())
		}
		rc.ApiCommunicator().SetRetryConfig(daktela.AggressiveRetryConfig())
		rc.ApiCommunicator().SetRetryConfig(daktela.DisabledRetryConfig())
		srv.SetFaults(daktelatest.FaultRule{Kind: daktelatest.Fault5xx, Status: 503, Times: 1})
		if _, err := rc.Execute(ctx, daktela.BuildReadRequest("Queues")); err == nil {
			t.Fatal("no retries, yet no error")
		}
	})
	t.Run("rate limit", func(t *testing.T) {
		rc := srv.Client()
		rc.ApiCommunicator().SetRateLimitConfig(daktela.RateLimitConfig{AutoRetry: false, MaxWait: 60 * time.Second, DefaultWait: 5 * time.Second})
		srv.SetFaults(daktelatest.FaultRule{Kind: daktelatest.Fault429, RetryAfter: "7", Times: 1})
		defer srv.SetFaults()
		_, err := rc.Execute(ctx, daktela.BuildReadRequest("Queues"))
		var rl *daktela.RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfterSeconds() != 7 {
			t.Fatalf("429: %v", err)
		}
		rc.ApiCommunicator().SetRateLimitConfig(daktela.RateLimitConfig{AutoRetry: true, MaxWait: 5 * time.Second, DefaultWait: 10 * time.Millisecond})
		srv.SetFaults(daktelatest.FaultRule{Kind: daktelatest.Fault429, Times: 1})
		if resp := run(t, rc, daktela.BuildReadRequest("Queues")); resp.Total() != 5 {
			t.Fatalf("after waiting out 429: %d", resp.Total())
		}
	})
	t.Run("health check", func(t *testing.T) {
		if !c.Ping(ctx) {
			t.Fatal("ping failed")
		}
		if h := c.HealthCheck(ctx); !h.Healthy || h.StatusCode != 200 {
			t.Fatalf("health %+v", h)
		}
	})
	t.Run("iteration", func(t *testing.T) {
		req := daktela.BuildReadRequest("CampaignsRecords").AddFilter("created", "gte", "2020-01-01 00:00:00")
		n := 0
		for r, err := range c.Iterate(ctx, req).All() {
			if err != nil {
				t.Fatal(err)
			}
			if decode(t, r)["name"] == nil {
				t.Fatal("record without name")
			}
			n++
		}
		if n != 200 { // 200 seeded + 1 created - 1 deleted above
			t.Fatalf("iterated %d", n)
		}
		it := c.Iterate(ctx, req, daktela.PageSize(100), daktela.MaxItems(1000), daktela.StopOnError(true))
		first, err := it.First()
		if err != nil || first == nil {
			t.Fatalf("first: %v", err)
		}
		all, err := it.ToArray()
		if err != nil || len(all) != 200 {
			t.Fatalf("toArray %d %v", len(all), err)
		}
		if cnt, err := it.Count(); err != nil || cnt != 200 {
			t.Fatalf("count %d %v", cnt, err)
		}
		if empty, err := it.IsEmpty(); err != nil || empty {
			t.Fatalf("isEmpty %v %v", empty, err)
		}
		each := 0
		if err := it.Each(func(daktela.Record) error { each++; return nil }); err != nil || each != 200 {
			t.Fatalf("each %d %v", each, err)
		}
		done := 0
		for r, err := range it.Filter(func(r daktela.Record) bool { m, _ := r.Map(); return m["action"] == "5" }) {
			if err != nil {
				t.Fatal(err)
			}
			if m, _ := r.Map(); m["action"] != "5" {
				t.Fatal("filter let through another action")
			}
			done++
		}
		if done == 0 {
			t.Fatal("no done records")
		}
		pages := 0
		for p, err := range it.Pages() {
			if err != nil || p.Total() != 200 {
				t.Fatalf("page %v total %d", err, p.Total())
			}
			pages++
		}
		if pages != 2 {
			t.Fatalf("%d pages of 100", pages)
		}
	})
}
