package reliability_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// The data the matrix reads: synthesised campaign records, in pages that do not divide
// the total evenly.
const (
	matrixModel   = "campaignsRecords"
	matrixRecords = 990
	matrixPage    = 45
)

// faultMix is one mixture of faults the matrix injects, as a daktelatest fault spec.
type faultMix struct {
	name string
	spec string
	// retryable: every fault in the mix is one the client retries, so most runs must
	// succeed (a run still may fail when one page is hit more times than there are
	// retries; it must then say which page). A read's 2xx answer with a truncated or
	// malformed body is retried like a 5xx, so both mixes are.
	retryable bool
	// page is the page size the server really serves when the mix caps it below the
	// asked matrixPage (cap:take=N): the read advances by it, so pages fall on it.
	page int
}

// pageSize is the size of the pages a read under mix asks for once it has the first.
func (mix faultMix) pageSize() int {
	if mix.page > 0 {
		return mix.page
	}
	return matrixPage
}

var faultMixes = []faultMix{
	{"retryable", "5xx:0.06,html:0.02,429:0.04:retry=0,429:0.04,reset:0.04,reset-body:0.04,slow:0.03:d=5s", true, 0},
	{"broken bodies", "5xx:0.04,429:0.03:retry=0,429:0.03,reset:0.03,reset-body:0.03,truncated:0.03,malformed:0.03,slow:0.02:d=5s", true, 0},
	// A server that serves fewer records a page than asked (20 for 45), with faults on
	// top: the read must advance by what it got, never end at the first short page.
	{"capped pages", "5xx:0.04,429:0.03:retry=0,reset:0.03,truncated:0.03,malformed:0.03,cap:take=20", true, 20},
}

// readWay is one way of reading every record: from Go or from JavaScript, with a
// read-all request or with iterate, stopping on the first failing page or skipping it.
type readWay struct {
	name string
	skip bool
	read func(t *testing.T, srv *daktelatest.Server, skip bool) (outcome, bool)
}

var readWays = []readWay{
	{"go read-all", false, goReadAll}, {"go read-all skipping", true, goReadAll},
	{"go iterate", false, goIterate}, {"go iterate skipping", true, goIterate},
	{"js read-all", false, jsReadAll}, {"js read-all skipping", true, jsReadAll},
	{"js iterate", false, jsIterate}, {"js iterate skipping", true, jsIterate},
}

// outcome is what one read gave: the record names in order, the pages it reported
// skipped, or the error it failed with.
type outcome struct {
	Names   []string      `json:"names"`
	Skipped []skippedPage `json:"skipped"`
	Err     string        `json:"error"`
}

type skippedPage struct {
	Skip  int    `json:"skip"`
	Take  int    `json:"take"`
	Error string `json:"error"`
}

// matrixTotals are the figures the matrix reports at the end.
type matrixTotals struct {
	runs, succeeded, failed, skippedPages, faults, records, requests atomic.Int64
}

// TestFaultMatrix reads every record under seeded mixed faults, in every way, over
// -seeds seeds: each run returns every record exactly once (names compared with the
// server's data, in order), or fails with an error naming the page and the reason;
// skipping runs list exactly the pages they left out.
func TestFaultMatrix(t *testing.T) {
	var tot matrixTotals
	t.Cleanup(func() {
		t.Logf("fault matrix: %d seeds x %d mixes x %d ways = %d runs: %d complete, %d failed naming the page, %d pages skipped and reported; %d faults injected in %d requests; %d record names checked",
			*seedCount, len(faultMixes), len(readWays), tot.runs.Load(), tot.succeeded.Load(), tot.failed.Load(),
			tot.skippedPages.Load(), tot.faults.Load(), tot.requests.Load(), tot.records.Load())
	})
	for _, mix := range faultMixes {
		t.Run(mix.name, func(t *testing.T) {
			for _, way := range readWays {
				t.Run(way.name, func(t *testing.T) {
					t.Parallel()
					// Seeds run a few at a time: most of a faulty run is waiting.
					var ok atomic.Int64
					var wg sync.WaitGroup
					sem := make(chan struct{}, 4)
					for seed := int64(1); seed <= int64(*seedCount); seed++ {
						wg.Add(1)
						sem <- struct{}{}
						go func() {
							defer func() { <-sem; wg.Done() }()
							if runMatrixCase(t, mix, way, seed, &tot) {
								ok.Add(1)
							}
						}()
					}
					wg.Wait()
					if mix.retryable && ok.Load()*2 < int64(*seedCount) {
						t.Errorf("only %d of %d runs with retryable faults completed: retries are not working", ok.Load(), *seedCount)
					}
				})
			}
		})
	}
}

// runMatrixCase runs one read against a fresh faulty server and checks it; true when
// the read completed. It runs on its own goroutine, so it reports with t.Errorf only.
func runMatrixCase(t *testing.T, mix faultMix, way readWay, seed int64, tot *matrixTotals) bool {
	t.Helper()
	srv := daktelatest.NewServer(daktelatest.Options{Seed: seed, Records: map[string]int{matrixModel: matrixRecords}})
	defer srv.Close()
	want := srv.Names(matrixModel)
	if len(want) != matrixRecords {
		t.Errorf("the server has %d %s, want %d", len(want), matrixModel, matrixRecords)
		return false
	}
	if err := srv.SetFaultSpec(mix.spec); err != nil {
		t.Error(err)
		return false
	}
	o, ok := way.read(t, srv, way.skip)
	if !ok {
		return false // already reported
	}
	tot.runs.Add(1)
	tot.requests.Add(srv.RequestCount())
	for _, r := range srv.Requests() {
		if r.Fault != "" {
			tot.faults.Add(1)
		}
	}
	where := fmt.Sprintf("seed %d", seed)
	if strings.Contains(o.Err+fmt.Sprint(o.Skipped), srv.Token) {
		t.Errorf("%s: the token appears in the outcome", where)
	}
	if o.Err != "" {
		tot.failed.Add(1)
		checkPageError(t, where, o.Err, mix.pageSize())
		return false
	}
	tot.succeeded.Add(1)
	tot.skippedPages.Add(int64(len(o.Skipped)))
	tot.records.Add(int64(len(o.Names)))
	if !way.skip && len(o.Skipped) > 0 {
		t.Errorf("%s: a read that stops on errors skipped %v", where, o.Skipped)
	}
	checkNames(t, where, want, o, mix.pageSize())
	return true
}

// pageErrorRE is how a failed page is named: "(page at skip N)" then ": " and a reason.
var pageErrorRE = regexp.MustCompile(`\(page at skip (\d+)\): \S`)

func checkPageError(t *testing.T, where, msg string, page int) {
	t.Helper()
	m := pageErrorRE.FindStringSubmatch(msg)
	if m == nil {
		t.Errorf("%s: the error does not name the page and the reason: %q", where, msg)
		return
	}
	if skip, _ := strconv.Atoi(m[1]); skip%page != 0 || skip >= matrixRecords {
		t.Errorf("%s: the error names a page at skip %d, not one the read asked for: %q", where, skip, msg)
	}
	if strings.Contains(msg, "goroutine ") || strings.Contains(msg, ".go:") {
		t.Errorf("%s: a Go stack or source position in the error: %q", where, msg)
	}
}

// checkNames checks that o holds every name of want exactly once, in order, except the
// pages (of page records) o reports skipped.
func checkNames(t *testing.T, where string, want []string, o outcome, page int) {
	t.Helper()
	skipped := make(map[int]bool)
	for _, p := range o.Skipped {
		if p.Skip%page != 0 || p.Take != min(page, matrixRecords-p.Skip) || p.Error == "" {
			t.Errorf("%s: skipped page %+v is not a page the read asked for, or has no reason", where, p)
		}
		for i := p.Skip; i < p.Skip+p.Take && i < len(want); i++ {
			skipped[i] = true
		}
	}
	var exp []string
	for i, n := range want {
		if !skipped[i] {
			exp = append(exp, n)
		}
	}
	if len(o.Names) != len(exp) {
		t.Errorf("%s: %d records, want %d (%d skipped)", where, len(o.Names), len(exp), len(skipped))
	}
	seen := make(map[string]bool, len(o.Names))
	for i, n := range o.Names {
		if seen[n] {
			t.Errorf("%s: record %s returned twice", where, n)
			return
		}
		seen[n] = true
		if i < len(exp) && n != exp[i] {
			t.Errorf("%s: record %d is %s, want %s", where, i, n, exp[i])
			return
		}
	}
}

func matrixRequest(skip bool) *daktela.ReadRequest {
	return daktela.BuildReadRequest(matrixModel).SetTake(matrixPage).SetFields([]string{"name"}).
		SetRequestType(daktela.TypeAll).SetSkipErrorRequests(skip)
}

func recordName(t *testing.T, r daktela.Record) string {
	var v struct{ Name string }
	if err := r.Decode(&v); err != nil || v.Name == "" {
		t.Errorf("record %s has no name: %v", r, err)
	}
	return v.Name
}

func skippedOf(pages []daktela.PageError) []skippedPage {
	var out []skippedPage
	for _, p := range pages {
		s := skippedPage{Skip: p.Skip, Take: p.Take}
		if p.Err != nil {
			s.Error = p.Err.Error()
		}
		out = append(out, s)
	}
	return out
}

func goReadAll(t *testing.T, srv *daktelatest.Server, skip bool) (outcome, bool) {
	c := faultClient(srv, daktela.AuthHeader)
	resp, err := c.Execute(testCtx(t, time.Minute), matrixRequest(skip))
	if err != nil {
		return outcome{Err: err.Error()}, true
	}
	var o outcome
	for _, r := range resp.Records() {
		o.Names = append(o.Names, recordName(t, r))
	}
	o.Skipped = skippedOf(resp.Skipped())
	return o, true
}

func goIterate(t *testing.T, srv *daktelatest.Server, skip bool) (outcome, bool) {
	c := faultClient(srv, daktela.AuthQuery)
	it := c.Iterate(testCtx(t, time.Minute), matrixRequest(false), daktela.PageSize(matrixPage), daktela.StopOnError(!skip))
	var o outcome
	for r, err := range it.All() {
		if err != nil {
			var re *daktela.RequestError
			if !errors.As(err, &re) {
				t.Errorf("iterate failed with %T, not a *daktela.RequestError: %v", err, err)
			}
			return outcome{Err: err.Error()}, true
		}
		o.Names = append(o.Names, recordName(t, r))
	}
	o.Skipped = skippedOf(it.Skipped())
	return o, true
}

// The JavaScript reads print their outcome as JSON. Skipped pages are what the
// response (getSkipped) or the iterable (skipped) report.
const jsReadAllScript = `
const req = daktela.buildReadRequest("CampaignsRecords").setTake(%d).setFields(["name"])
	.setRequestType(daktela.ReadRequest.TYPE_ALL).setSkipErrorRequests(%v)
try {
	const res = daktela.client().execute(req)
	console.log(JSON.stringify({names: res.data.map(r => r.name), skipped: res.getSkipped()}))
} catch (e) {
	console.log(JSON.stringify({error: (e instanceof daktela.RequestException ? "" : "not a RequestException: ") + e.message}))
}
`

const jsIterateScript = `
const req = daktela.buildReadRequest("CampaignsRecords").setFields(["name"])
try {
	const names = []
	const it = daktela.client().iterate(req, {pageSize: %d, stopOnError: %v})
	for (const r of it) names.push(r.name)
	console.log(JSON.stringify({names, skipped: it.getSkipped()}))
} catch (e) {
	console.log(JSON.stringify({error: (e instanceof daktela.RequestException ? "" : "not a RequestException: ") + e.message}))
}
`

func jsReadAll(t *testing.T, srv *daktelatest.Server, skip bool) (outcome, bool) {
	return runJSOutcome(t, faultClient(srv, daktela.AuthQuery), fmt.Sprintf(jsReadAllScript, matrixPage, skip))
}

func jsIterate(t *testing.T, srv *daktelatest.Server, skip bool) (outcome, bool) {
	return runJSOutcome(t, faultClient(srv, daktela.AuthHeader), fmt.Sprintf(jsIterateScript, matrixPage, !skip))
}

func runJSOutcome(t *testing.T, c *daktela.Client, src string) (outcome, bool) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	rt, err := runtime.New(runtime.Options{Client: c, Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		t.Error(err)
		return outcome{}, false
	}
	defer rt.Close()
	if err := rt.RunString(testCtx(t, time.Minute), "matrix.js", src); err != nil {
		t.Errorf("the script failed: %v\n%s", err, stderr.String())
		return outcome{}, false
	}
	var o outcome
	if err := json.Unmarshal(stdout.Bytes(), &o); err != nil {
		t.Errorf("script output %q: %v (stderr %q)", stdout.String(), err, stderr.String())
		return outcome{}, false
	}
	if strings.HasPrefix(o.Err, "not a RequestException") {
		t.Errorf("a failed read threw %s", o.Err)
		return outcome{}, false
	}
	return o, true
}
