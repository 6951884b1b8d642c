package daktelatest

import (
	"strings"
	"testing"
	"time"
)

func TestSynthesisedRecords(t *testing.T) {
	srv := NewServer(Options{Records: map[string]int{"campaignsRecords": 10_000_000, "tickets": 5000}})
	defer srv.Close()
	if n := srv.Count("campaignsRecords"); n != 10_000_000 {
		t.Fatalf("count %d", n)
	}
	first := list(t, srv, "campaignsRecords.json?take=1000")
	if first.Total != 10_000_000 || len(first.Data) != 1000 {
		t.Fatalf("first page: total %d, %d records", first.Total, len(first.Data))
	}
	last := list(t, srv, "campaignsRecords.json?take=1000&skip=9999500")
	if len(last.Data) != 500 {
		t.Fatalf("last page %d", len(last.Data))
	}
	// names increase, so sort by name is the natural order and desc is its reverse
	ns := names(first)
	for i := 1; i < len(ns); i++ {
		if ns[i-1] >= ns[i] {
			t.Fatalf("names not increasing at %d: %s %s", i, ns[i-1], ns[i])
		}
	}
	desc := list(t, srv, "campaignsRecords.json?take=2&sort[0][field]=name&sort[0][dir]=desc")
	if names(desc)[0] != names(last)[499] {
		t.Fatalf("desc first %s, last page's last %s", names(desc)[0], names(last)[499])
	}
	// a record is a pure function of (seed, i): single reads agree with the list
	st, e := api(t, srv, "GET", "campaignsRecords/"+ns[7]+".json", "")
	if st != 200 || !strings.Contains(string(e.Result), `"name":"`+ns[7]+`"`) {
		t.Fatalf("single: %d %s", st, e.Error)
	}
	if st, _ := api(t, srv, "GET", "campaignsRecords/records_00000000000000000000000.json", ""); st != 404 {
		t.Fatalf("unknown synthesised name: %d", st)
	}
	// created ranges are binary searches, even at 10M
	mid := first.Data[500]["created"].(string)
	rng := list(t, srv, "campaignsRecords.json?take=5&filter[filters][0][field]=created&filter[filters][0][operator]=gte&filter[filters][0][value]="+
		strings.ReplaceAll(mid, " ", "+")+"&sort[0][field]=created&sort[0][dir]=asc")
	if rng.Total == 0 || rng.Data[0]["created"].(string) < mid {
		t.Fatalf("created range: %+v", rng.Data)
	}
	if rng.Total > 10_000_000-500 || rng.Total < 10_000_000-1000 {
		t.Fatalf("created >= record 500's: total %d", rng.Total)
	}
	// other filters on 10M are refused with a clear message
	st, e = api(t, srv, "GET", "campaignsRecords.json?filter[field]=action&filter[value]=5", "")
	if st != 400 || !strings.Contains(string(e.Error), "only by name or created") {
		t.Fatalf("scan of 10M: %d %s", st, e.Error)
	}
	// smaller synthesised models scan: filter, then sort by another field
	act := list(t, srv, "tickets.json?take=1000&filter[field]=stage&filter[value]=OPEN&sort[0][field]=priority")
	if act.Total == 0 || act.Total == 5000 {
		t.Fatalf("filtered synthesised tickets: %d", act.Total)
	}
	for i, r := range act.Data {
		if r["stage"] != "OPEN" || (i > 0 && r["priority"].(string) < act.Data[i-1]["priority"].(string)) {
			t.Fatalf("record %d: %v %v", i, r["stage"], r["priority"])
		}
	}
	// writes are validated as on any model (TestSynthesisedModelsTakeWrites: they persist)
	if st, e := api(t, srv, "POST", "campaignsRecords.json", `{"number":"1"}`); st != 400 || !strings.Contains(string(e.Error), "record_type") {
		t.Fatalf("write: %d %s", st, e.Error)
	}
	// same seed, same records
	srv2 := NewServer(Options{Records: map[string]int{"campaignsRecords": 10_000_000}})
	defer srv2.Close()
	_, e1 := api(t, srv, "GET", "campaignsRecords.json?skip=123456&take=3", "")
	_, e2 := api(t, srv2, "GET", "campaignsRecords.json?skip=123456&take=3", "")
	if string(e1.Result) != string(e2.Result) {
		t.Fatal("synthesised records differ between servers with the same seed")
	}
}

func TestParseRecords(t *testing.T) {
	got, err := ParseRecords("campaignsRecords=100000, tickets=5k,contacts=1_000,activities=2M")
	if err != nil || got["campaignsRecords"] != 100000 || got["tickets"] != 5000 || got["contacts"] != 1000 || got["activities"] != 2_000_000 {
		t.Fatalf("%v %v", got, err)
	}
	for _, bad := range []string{"campaignsRecords", "x=-1", "x=abc", "x=20M"} {
		if _, err := ParseRecords(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := NewHandler(Options{Records: map[string]int{"nope": 5}}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("unknown model: %v", err)
	}
}

// The page writer's fast path and the generic path (generated record, then rendered)
// must write the same bytes for every model.
func TestSynthFastPathMatchesRecords(t *testing.T) {
	recs := map[string]int{}
	for _, m := range []string{"campaignsRecords", "tickets", "contacts", "activities", "users", "queues", "accounts"} {
		recs[m] = 3000
	}
	h, err := NewHandler(Options{Records: recs, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	for name := range recs {
		ss := h.st.tables[name].synth
		for _, i := range []int{0, 1, 2, 57, 1499, 2999} {
			rc := h.st.newRenderCtx()
			var dc dateCache
			fast := ss.appendJSON(nil, rc, &dc, i)
			slow := h.st.newRenderCtx().appendRecord(nil, ss.m, ss.gen(i, nil), synthDepth, nil)
			if string(fast) != string(slow) {
				t.Fatalf("%s record %d:\nfast %s\nslow %s", name, i, fast, slow)
			}
			if !isJSON(fast) {
				t.Fatalf("%s record %d is not JSON: %s", name, i, fast)
			}
		}
	}
}

func TestDateCacheMatchesTimeFormat(t *testing.T) {
	var dc dateCache
	// across both daylight-saving changes of 2025 and the turn of a year
	for us := int64(1735600000) * 1e6; us < int64(1767300000)*1e6; us += 3517 * 1e6 * 7 {
		want := time.UnixMicro(us).In(prague()).Format(dateLayout)
		if got := string(dc.appendDate(nil, us)); got != want {
			t.Fatalf("%d: %s, want %s", us, got, want)
		}
	}
}
