package daktelatest

import (
	"io"
	"net/http"
	"testing"
	"time"
)

// BenchmarkPage1000 measures pages of 1000 synthesised campaign records served over
// loopback HTTP with keep-alive; pages/s is the throughput a client benchmark can reach
// at most through this server.
func BenchmarkPage1000(b *testing.B) {
	srv := NewServer(Options{Records: map[string]int{"campaignsRecords": 100_000}})
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	req, _ := http.NewRequest("GET", srv.URL+"/api/v6/campaignsRecords.json?take=1000&skip=0", nil)
	req.Header.Set("X-AUTH-TOKEN", srv.Token)
	var bytes int64
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		req.URL.RawQuery = "take=1000&skip=" + itoa((i%100)*1000)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
		bytes += n
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(bytes)/float64(b.N)/1000, "B/record")
	b.SetBytes(bytes / int64(b.N))
}

// BenchmarkRenderPage1000 measures producing one 1000-record page (filter, render into a
// pooled buffer) without HTTP: the server's own cost per page.
func BenchmarkRenderPage1000(b *testing.B) {
	h, err := NewHandler(Options{Records: map[string]int{"campaignsRecords": 100_000}})
	if err != nil {
		b.Fatal(err)
	}
	q, _ := parsePHPQuery("take=1000&skip=5000")
	in := &incoming{method: "GET", api: true, segs: []string{"campaignsRecords"}, query: q, token: h.token}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep := h.route(in)
		if rep.status != 200 {
			b.Fatal(rep.status)
		}
		b.SetBytes(int64(len(*rep.body)))
		putBuf(rep.body)
	}
}

// BenchmarkDemoTickets measures a filtered, sorted page of the in-memory demo tickets.
func BenchmarkDemoTickets(b *testing.B) {
	h, err := NewHandler(Options{})
	if err != nil {
		b.Fatal(err)
	}
	q, _ := parsePHPQuery("take=100&filter[logic]=or&filter[filters][0][field]=stage&filter[filters][0][value]=OPEN&filter[filters][1][field]=priority&filter[filters][1][operator]=in&filter[filters][1][value][0]=HIGH&sort[0][field]=created&sort[0][dir]=desc")
	in := &incoming{method: "GET", api: true, segs: []string{"tickets"}, query: q, token: h.token}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rep := h.route(in)
		putBuf(rep.body)
	}
}
