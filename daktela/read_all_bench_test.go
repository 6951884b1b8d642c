package daktela

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

const (
	benchPages    = 100
	benchPageSize = 1000
)

// benchRecord renders a campaign-record-like object of about 600 bytes.
func benchRecord(i int) string {
	return fmt.Sprintf(`{"name":"records_%013x%09d","user":{"name":"agent%d","title":"Agent Číslo %d","_sys":{"hash":null,"model":"users"}},`+
		`"queue":{"name":%d,"title":"Outbound campaign %d","_sys":{"hash":"1700000000","model":"queues"}},`+
		`"record_type":"predictive","number":"+420777%06d","action":"%d","statuses":[{"name":"statuses_618a6b822ecbc476078482","title":"Callback"}],`+
		`"created":"2025-01-02 10:11:12","edited":"2025-03-04 05:06:07","nextcall":null,`+
		`"customFields":{"email":["customer%d@example.com"],"note":["Přeje si volat odpoledne, ideálně po 15. hodině"]},"_sys":{"hash":"%d","model":"campaignsRecords"}}`,
		i, i, i%50, i%50, 3000+i%7, i%7, i, i%9, i, i)
}

// benchServer serves benchPages canned pages of campaignsRecords (built once) at
// /api/v6/items.json, so the benchmark measures the client, not the server.
func benchServer(b *testing.B) (*httptest.Server, int) {
	b.Helper()
	pages := make(map[int][]byte, benchPages)
	size := 0
	total := strconv.Itoa(benchPages * benchPageSize)
	for p := range benchPages {
		var sb strings.Builder
		sb.WriteString(`{"error":[],"result":{"data":[`)
		for k := range benchPageSize {
			if k > 0 {
				sb.WriteByte(',')
			}
			sb.WriteString(benchRecord(p*benchPageSize + k))
		}
		sb.WriteString(`],"total":` + total + `},"_time":"2026-01-02 10:11:12"}`)
		pages[p*benchPageSize] = []byte(sb.String())
		size += sb.Len()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		body, ok := pages[skip]
		if !ok {
			body = []byte(`{"error":[],"result":{"data":[],"total":` + total + `}}`)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv, size
}

// BenchmarkReadAll reads 100 pages of 1000 records (about 60 MB of JSON) through the
// client: iterating every record, and as one TypeAll response, one page at a time and
// with pages fetched concurrently.
func BenchmarkReadAll(b *testing.B) {
	srv, size := benchServer(b)
	for _, conc := range []int{1, 4} {
		b.Run(fmt.Sprintf("Iterate/concurrency=%d", conc), func(b *testing.B) {
			c := NewClient(srv.URL, testToken)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, err := range c.Iterate(context.Background(), BuildReadRequest("Items"), Concurrency(conc)).All() {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != benchPages*benchPageSize {
					b.Fatalf("%d records", n)
				}
			}
			b.ReportMetric(float64(b.N*benchPages*benchPageSize)/b.Elapsed().Seconds(), "records/s")
		})
		b.Run(fmt.Sprintf("ExecuteTypeAll/concurrency=%d", conc), func(b *testing.B) {
			c := NewClient(srv.URL, testToken)
			c.ApiCommunicator().SetConcurrency(conc)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				resp, err := c.Execute(context.Background(), readAllReq(benchPageSize))
				if err != nil {
					b.Fatal(err)
				}
				if len(resp.Records()) != benchPages*benchPageSize {
					b.Fatalf("%d records", len(resp.Records()))
				}
			}
			b.ReportMetric(float64(b.N*benchPages*benchPageSize)/b.Elapsed().Seconds(), "records/s")
		})
	}
	// The floor: the same 100 pages fetched with plain net/http and thrown away, as curl
	// would (no parsing), one after the other.
	b.Run("PlainHTTPFloor", func(b *testing.B) {
		hc := &http.Client{}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for p := range benchPages {
				resp, err := hc.Get(fmt.Sprintf("%s/api/v6/items.json?skip=%d&take=%d", srv.URL, p*benchPageSize, benchPageSize))
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}
		b.ReportMetric(float64(b.N*benchPages*benchPageSize)/b.Elapsed().Seconds(), "records/s")
	})
}
