package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/dkscript/dkscript/daktela"
)

// dryRunPrinter returns the function given to ApiCommunicator.SetDryRun: it prints each
// held-back write as one line on w,
//
//	DRY-RUN POST /api/v6/campaignsRecords.json {"number":"+420..."}
//
// (the body as it would have been sent; none for a delete). Writes from concurrent
// requests never interleave.
func dryRunPrinter(w io.Writer) func(daktela.WriteIntent) {
	var mu sync.Mutex
	return func(wi daktela.WriteIntent) {
		var b bytes.Buffer
		b.WriteString("DRY-RUN ")
		b.WriteString(wi.Method)
		b.WriteByte(' ')
		if !strings.HasPrefix(wi.Path, "/") { // an upload's path is outside the API
			b.WriteString("/api/v6/")
		}
		b.WriteString(wi.Path)
		if body := bytes.TrimSpace(wi.Body); len(body) > 0 {
			b.WriteByte(' ')
			b.Write(oneLine(body))
		}
		b.WriteByte('\n')
		mu.Lock()
		defer mu.Unlock()
		w.Write(b.Bytes())
	}
}

// oneLine keeps a body on one line (JSON bodies are compact already; anything else has
// its line breaks escaped).
func oneLine(body []byte) []byte {
	if !bytes.ContainsAny(body, "\r\n") {
		return body
	}
	var c bytes.Buffer
	if json.Compact(&c, body) == nil {
		return c.Bytes()
	}
	return []byte(fmt.Sprintf("%q", body))
}

// printDryRunSummary ends a --dry-run session: how many creates, updates and deletes
// would have been sent, in all and per model,
//
//	DRY-RUN summary: nothing was sent; a real run would send 2 creates, 1 update, 0 deletes
//	DRY-RUN   campaignsRecords: 1 create, 0 updates, 0 deletes
//	DRY-RUN   contacts: 1 create, 1 update, 0 deletes
func printDryRunSummary(w io.Writer, counts []daktela.DryRunCount) {
	var total daktela.DryRunCount
	for _, c := range counts {
		total.Creates += c.Creates
		total.Updates += c.Updates
		total.Deletes += c.Deletes
		total.Merges += c.Merges
	}
	var b bytes.Buffer
	if len(counts) == 0 {
		b.WriteString("DRY-RUN summary: nothing was sent; the script made no creates, updates or deletes\n")
	} else {
		fmt.Fprintf(&b, "DRY-RUN summary: nothing was sent; a real run would send %s\n", writeCounts(total))
		for _, c := range counts {
			fmt.Fprintf(&b, "DRY-RUN   %s: %s\n", c.Model, writeCounts(c))
		}
	}
	w.Write(b.Bytes())
}

// writeCounts says how many creates, updates and deletes c counts, and its merges when
// there are any.
func writeCounts(c daktela.DryRunCount) string {
	s := plural(c.Creates, "create") + ", " + plural(c.Updates, "update") + ", " + plural(c.Deletes, "delete")
	if c.Merges > 0 {
		s += ", " + plural(c.Merges, "merge")
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
