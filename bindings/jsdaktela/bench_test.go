package jsdaktela

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// benchLoop runs body b.N times inside one JS for loop (one Go→JS entry per benchmark,
// so the numbers are the per-call cost seen by scripts) and reports ns per builder call.
func benchLoop(b *testing.B, setup, body string, callsPerIter int) {
	h := newTestHost(b, Config{})
	fn, err := h.VM().RunString("(function (n) {" + setup + "; for (let i = 0; i < n; i++) {" + body + "} })")
	if err != nil {
		b.Fatal(err)
	}
	run, _ := goja.AssertFunction(fn)
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := run(goja.Undefined(), h.VM().ToValue(b.N)); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*callsPerIter), "ns/call")
}

// BenchmarkBuilderCall measures builder calls from JS: one setter, a chain of four
// setters, and addFilter with its operator and value checks (a fresh request every 8
// filters, so the filter list stays small).
func BenchmarkBuilderCall(b *testing.B) {
	b.Run("setSkip", func(b *testing.B) {
		benchLoop(b, `const r = daktela.buildReadRequest("Users")`, `r.setSkip(i)`, 1)
	})
	b.Run("chain4", func(b *testing.B) {
		benchLoop(b, `const r = daktela.buildReadRequest("Users")`,
			`r.setTake(50).setSkip(i).setObjectName("admin").setRelation("activities")`, 4)
	})
	b.Run("emptyLoop", func(b *testing.B) {
		benchLoop(b, `let s = 0`, `s += i`, 1)
	})
	b.Run("addFilter", func(b *testing.B) {
		benchLoop(b, `let r = daktela.buildReadRequest("Users")`,
			`if ((i & 7) === 0) r = daktela.buildReadRequest("Users"); r.addFilter("username", "eq", "admin")`, 1)
	})
	b.Run("addFilterNumber", func(b *testing.B) {
		benchLoop(b, `let r = daktela.buildReadRequest("Users")`,
			`if ((i & 7) === 0) r = daktela.buildReadRequest("Users"); r.addFilter("priority", "gte", 3)`, 1)
	})
	b.Run("addSort", func(b *testing.B) {
		benchLoop(b, `let r = daktela.buildReadRequest("Users")`,
			`if ((i & 7) === 0) r = daktela.buildReadRequest("Users"); r.addSort("edited", "desc")`, 1)
	})
	b.Run("setFields", func(b *testing.B) {
		benchLoop(b, `const r = daktela.buildReadRequest("Users"); const f = ["name", "title", "edited"]`,
			`r.setFields(f)`, 1)
	})
	b.Run("every8Loop", func(b *testing.B) { // the loop addFilter and addSort run in, without the call
		benchLoop(b, `let r = daktela.buildReadRequest("Users")`,
			`if ((i & 7) === 0) r = daktela.buildReadRequest("Users")`, 1)
	})
	b.Run("newRequest", func(b *testing.B) {
		benchLoop(b, `let r`, `r = daktela.buildReadRequest("Users")`, 1)
	})
}

// pageBody returns one page of n campaign-record-like records (about 600 B each) in the
// API's envelope.
func pageBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"error":[],"result":{"data":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"records_%08d","title":"Záznam číslo %d","number":"00420%09d","action":"%d",`+
			`"priority":%d,"created":"2025-01-02 10:11:12","edited":"2025-01-03 11:12:13","nextcall":null,`+
			`"queue":{"name":"q%d","title":"Fronta %d"},"user":{"name":"user%d","title":"Operátor %d"},`+
			`"statuses":[{"name":"st_%d","title":"Stav"}],"customFields":{"email":["novak%d@example.com"],`+
			`"note":["Poznámka k záznamu, která je o něco delší, aby záznam měl realistickou velikost."]},`+
			`"database":"db_1","contact":null,"ticket":null,"description":"Kampaň jaro"}`,
			i, i, i, i%3, i%5, i%4, i%4, i%20, i%20, i%7, i)
	}
	fmt.Fprintf(&b, `],"total":%d}}`, n)
	return []byte(b.String())
}

// BenchmarkPage1000 measures one page of 1000 records from client.execute to a JS loop
// that touches three fields of each record, over loopback HTTP from a server answering
// with canned page bytes.
func BenchmarkPage1000(b *testing.B) {
	body := pageBody(1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	defer srv.Close()
	c := daktela.NewClient(srv.URL, "bench-token")
	h := newTestHost(b, Config{Client: c})
	fn, err := h.VM().RunString(`(function () {
		const res = daktela.client().execute(daktela.buildReadRequest("CampaignsRecords").setTake(1000));
		const recs = res.getData();
		let sum = 0, n = 0, tl = 0;
		for (let i = 0; i < recs.length; i++) {
			const r = recs[i];
			sum += r.priority;
			if (r.queue.name === "q3") n++;
			tl += r.title.length;
		}
		return recs.length;
	})`)
	if err != nil {
		b.Fatal(err)
	}
	run, _ := goja.AssertFunction(fn)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		v, err := run(goja.Undefined())
		if err != nil {
			b.Fatal(err)
		}
		if v.ToInteger() != 1000 {
			b.Fatalf("got %v records", v)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/record")
}
