package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
		b.WriteString(" /api/v6/")
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
