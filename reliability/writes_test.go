package reliability_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// countSent counts the requests with method to a path containing path in srv's log.
func countSent(srv *daktelatest.Server, method, path string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && strings.Contains(r.Path, path) {
			n++
		}
	}
	return n
}

func newContact(i int) *daktela.CreateRequest {
	return daktela.BuildCreateRequest("Contacts").AddStringAttribute("title", fmt.Sprintf("Ada %d", i)).
		AddStringAttribute("lastname", "Lovelace")
}

// TestCreateNeverSentTwice breaks creates after their body reached the server, in
// every way the fake server can, over the seeds: each create is sent exactly once, its
// error says the outcome is unknown when no status arrived, or that it took effect when
// a 2xx status came with a broken body (and names no token), and the server holds at
// most the one record it may have made.
func TestCreateNeverSentTwice(t *testing.T) {
	cases := []struct {
		spec    string
		unknown bool // the error must wrap ErrOutcomeUnknown
		created int  // records the server made (1 with a 2xx status: ErrBrokenAnswer)
	}{
		{"reset:method=POST", true, 0},       // dropped after the request arrived, before the answer
		{"reset-body:method=POST", false, 1}, // created: 201, then the answer cut in half
		{"hang:method=POST", true, 0},        // no answer until the request timeout
		{"slow:method=POST:d=5s", true, 0},   // an answer, but after the timeout
		{"5xx:method=POST", false, 0},        // an answer: the server said no, not retried
		{"html:method=POST", false, 0},       // a proxy's 502 page: not retried
		{"truncated:method=POST", false, 1},  // created, answer not JSON: an error, not retried
		{"malformed:method=POST", false, 1},  // as truncated
	}
	for _, tc := range cases {
		t.Run(tc.spec, func(t *testing.T) {
			t.Parallel()
			for seed := int64(1); seed <= int64(max(*seedCount/5, 2)); seed++ {
				srv := daktelatest.NewServer(daktelatest.Options{Seed: seed, Faults: tc.spec})
				before := srv.Count("contacts")
				c := faultClient(srv, []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery}[seed%2])
				_, err := c.Execute(testCtx(t, 30*time.Second), newContact(int(seed)))
				sent := countSent(srv, "POST", "contacts")
				made := srv.Count("contacts") - before
				srv.Close()
				if err == nil {
					t.Fatalf("seed %d: the create succeeded under %s", seed, tc.spec)
				}
				if sent != 1 {
					t.Errorf("seed %d: the create was sent %d times", seed, sent)
				}
				if made != tc.created {
					t.Errorf("seed %d: the server made %d records, want %d", seed, made, tc.created)
				}
				if got := errors.Is(err, daktela.ErrOutcomeUnknown); got != tc.unknown {
					t.Errorf("seed %d: errors.Is(err, ErrOutcomeUnknown) = %v: %v", seed, got, err)
				}
				if tc.unknown && !strings.Contains(err.Error(), "may or may not have been applied") {
					t.Errorf("seed %d: the error does not say the outcome is unknown: %v", seed, err)
				}
				if applied := tc.created == 1; errors.Is(err, daktela.ErrBrokenAnswer) != applied ||
					applied && !strings.Contains(err.Error(), "took effect") {
					t.Errorf("seed %d: a create the server made must say it took effect (ErrBrokenAnswer), others not: %v", seed, err)
				}
				var re *daktela.RequestError
				if !errors.As(err, &re) || re.Method != "POST" || !strings.HasPrefix(re.Path, "contacts") {
					t.Errorf("seed %d: error %T does not name the request: %v", seed, err, err)
				}
				if strings.Contains(err.Error(), srv.Token) {
					t.Errorf("seed %d: the token is in the error", seed)
				}
			}
		})
	}
}

// TestCreateWaitsOut429 shows the one case a create is sent again: a 429 answer says
// the server declined it, so waiting it out cannot duplicate the record.
func TestCreateWaitsOut429(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Faults: "429:method=POST:n=1-2:retry=0"})
	defer srv.Close()
	before := srv.Count("contacts")
	resp, err := faultClient(srv, daktela.AuthHeader).Execute(testCtx(t, 30*time.Second), newContact(1))
	if err != nil {
		t.Fatal(err)
	}
	if resp.HTTPStatus() != 201 || countSent(srv, "POST", "contacts") != 3 || srv.Count("contacts") != before+1 {
		t.Errorf("status %d, %d POSTs, %d records made; want 201, 3, 1", resp.HTTPStatus(),
			countSent(srv, "POST", "contacts"), srv.Count("contacts")-before)
	}
}

// TestUpdatesAndDeletesRetriedSafely breaks updates and deletes in every retryable way:
// they are sent again until they succeed, and the result is the same as one clean
// request (the record updated once, deleted once).
func TestUpdatesAndDeletesRetriedSafely(t *testing.T) {
	for _, fault := range []string{"5xx", "html", "reset", "hang", "slow:d=5s", "429:retry=0", "429"} {
		t.Run(fault, func(t *testing.T) {
			t.Parallel()
			srv := daktelatest.NewServer(daktelatest.Options{})
			defer srv.Close()
			name := srv.Names("contacts")[3]
			c := faultClient(srv, daktela.AuthHeader)
			ctx := testCtx(t, 30*time.Second)

			srv.SetFaultSpec(fault + ":method=PUT:n=1-2")
			resp, err := c.Execute(ctx, daktela.BuildUpdateRequest("Contacts").SetObjectName(name).AddStringAttribute("firstname", "Twice"))
			if err != nil {
				t.Fatalf("update: %v", err)
			}
			rec, _ := srv.Record("contacts", name)
			if resp.HTTPStatus() != 200 || rec["firstname"] != "Twice" || countSent(srv, "PUT", name) != 3 {
				t.Errorf("update: status %d, firstname %v, %d PUTs (want 200, Twice, 3)", resp.HTTPStatus(), rec["firstname"], countSent(srv, "PUT", name))
			}

			before := srv.Count("contacts")
			srv.SetFaultSpec(fault + ":method=DELETE:n=1")
			_, err = c.Execute(ctx, daktela.BuildDeleteRequest("Contacts").SetObjectName(name))
			if err != nil {
				t.Errorf("delete: %v", err)
			}
			if _, ok := srv.Record("contacts", name); ok || srv.Count("contacts") != before-1 {
				t.Errorf("delete: record still there or %d records gone", before-srv.Count("contacts"))
			}
			if n := countSent(srv, "DELETE", name); n != 2 {
				t.Errorf("delete sent %d times, want 2", n)
			}
		})
	}
}

// TestUpdatesAndDeletesWithBrokenAnswers: an update or delete whose 2xx answer broke
// off or is not JSON took effect; it is sent once (a delete sent again would report a
// 404) and its error says it took effect. Only a write dropped before its status is
// sent again.
func TestUpdatesAndDeletesWithBrokenAnswers(t *testing.T) {
	for _, fault := range []string{"reset-body", "truncated", "malformed"} {
		t.Run(fault, func(t *testing.T) {
			t.Parallel()
			srv := daktelatest.NewServer(daktelatest.Options{})
			defer srv.Close()
			name := srv.Names("contacts")[3]
			c := faultClient(srv, daktela.AuthQuery)
			ctx := testCtx(t, 30*time.Second)
			check := func(what string, err error, sent int) {
				t.Helper()
				var re *daktela.RequestError
				if !errors.Is(err, daktela.ErrBrokenAnswer) || !errors.As(err, &re) || re.Status != 200 ||
					!strings.Contains(err.Error(), "took effect") || strings.Contains(err.Error(), srv.Token) {
					t.Errorf("%s: error %v, want status 200 wrapping ErrBrokenAnswer, saying it took effect", what, err)
				}
				if sent != 1 {
					t.Errorf("%s sent %d times, want 1", what, sent)
				}
			}

			srv.SetFaultSpec(fault + ":method=PUT")
			_, err := c.Execute(ctx, daktela.BuildUpdateRequest("Contacts").SetObjectName(name).AddStringAttribute("firstname", "Once"))
			check("update", err, countSent(srv, "PUT", name))
			if rec, _ := srv.Record("contacts", name); rec["firstname"] != "Once" {
				t.Errorf("update: firstname %v, want Once", rec["firstname"])
			}

			// A delete is answered 204 without a body: "reset-body" then drops the
			// connection before the status, after the delete was applied, so the outcome
			// is unknown to the client, which sends it again and reports the 404 it gets.
			// "truncated" and "malformed" make it a 200 with a broken body.
			before := srv.Count("contacts")
			srv.SetFaultSpec(fault + ":method=DELETE:n=1")
			_, err = c.Execute(ctx, daktela.BuildDeleteRequest("Contacts").SetObjectName(name))
			var nf *daktela.NotFoundError
			if fault == "reset-body" {
				if !errors.As(err, &nf) || countSent(srv, "DELETE", name) != 2 {
					t.Errorf("delete dropped after it was applied: want the retry's 404 after 2 requests, got %v after %d", err, countSent(srv, "DELETE", name))
				}
			} else {
				check("delete", err, countSent(srv, "DELETE", name))
			}
			if _, ok := srv.Record("contacts", name); ok || srv.Count("contacts") != before-1 {
				t.Errorf("delete: record still there or %d records gone", before-srv.Count("contacts"))
			}
		})
	}
}

// TestCreateOutcomeUnknownInJS: a script's create whose connection broke before an
// answer throws a RequestException saying the outcome is unknown, and the create was
// sent once.
func TestCreateOutcomeUnknownInJS(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Faults: "reset:method=POST"})
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	rt, err := runtime.New(runtime.Options{Client: faultClient(srv, daktela.AuthQuery), Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(testCtx(t, 30*time.Second), "create.js", `
const req = daktela.buildCreateRequest("Contacts").addStringAttribute("title", "Ada").addStringAttribute("lastname", "Lovelace")
try {
	daktela.client().execute(req)
	console.log("created")
} catch (e) {
	console.log(e instanceof daktela.RequestException, e.getHttpStatus(), e.message)
}
`)
	if err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	out := stdout.String()
	if !strings.HasPrefix(out, "true null ") || !strings.Contains(out, "may or may not have been applied") || !strings.Contains(out, "POST contacts") {
		t.Errorf("script printed %q", out)
	}
	if n := countSent(srv, "POST", "contacts"); n != 1 {
		t.Errorf("sent %d times", n)
	}
}
