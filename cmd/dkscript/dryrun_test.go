package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/dkscript/dkscript/daktela"
)

func TestDryRunPrinter(t *testing.T) {
	var buf bytes.Buffer
	p := dryRunPrinter(&buf)
	p(daktela.WriteIntent{Method: "POST", Path: "campaignsRecords.json", Body: []byte(`{"number":"+420123"}`)})
	p(daktela.WriteIntent{Method: "PUT", Path: "tickets/123.json", Body: []byte("{\n  \"stage\": \"CLOSE\"\n}\n")})
	p(daktela.WriteIntent{Method: "DELETE", Path: "contacts/c_1.json"})
	p(daktela.WriteIntent{Method: "POST", Path: "x.json", Body: []byte("not\njson")})
	want := `DRY-RUN POST /api/v6/campaignsRecords.json {"number":"+420123"}
DRY-RUN PUT /api/v6/tickets/123.json {"stage":"CLOSE"}
DRY-RUN DELETE /api/v6/contacts/c_1.json
DRY-RUN POST /api/v6/x.json "not\njson"
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestDryRunPrinterConcurrentLinesStayWhole(t *testing.T) {
	var buf bytes.Buffer
	p := dryRunPrinter(&buf)
	body := []byte(`{"title":"` + strings.Repeat("x", 4000) + `"}`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				p(daktela.WriteIntent{Method: "POST", Path: "tickets.json", Body: body})
			}
		})
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 160 {
		t.Fatalf("got %d lines, want 160", len(lines))
	}
	for _, l := range lines {
		if l != "DRY-RUN POST /api/v6/tickets.json "+string(body) {
			t.Fatalf("mangled line %.80q", l)
		}
	}
}

// TestDryRunSummaryCountsMerges: merges are counted in the summary when there are any.
func TestDryRunSummaryCountsMerges(t *testing.T) {
	var buf bytes.Buffer
	printDryRunSummary(&buf, []daktela.DryRunCount{
		{Model: "contacts", Creates: 1, Merges: 2},
		{Model: "tickets", Updates: 1},
	})
	want := `DRY-RUN summary: nothing was sent; a real run would send 1 create, 1 update, 0 deletes, 2 merges
DRY-RUN   contacts: 1 create, 0 updates, 0 deletes, 2 merges
DRY-RUN   tickets: 0 creates, 1 update, 0 deletes
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
