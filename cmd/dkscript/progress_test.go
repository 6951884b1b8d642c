package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/dkscript/dkscript/daktela"
)

func TestProgressBarShowsRecordsAndTotal(t *testing.T) {
	var buf syncBuffer // the library renders spinners from its own goroutine
	p := newProgressReporter(&buf)
	p.update(daktela.Progress{Model: "campaignsRecords", Read: 1000, Total: 5000})
	p.update(daktela.Progress{Model: "campaignsRecords", Read: 3000, Total: 5000})
	out := buf.String()
	if !strings.Contains(out, "campaignsRecords") || !strings.Contains(out, "/5000") {
		t.Errorf("bar does not show the model and total: %q", out)
	}
	p.update(daktela.Progress{Model: "campaignsRecords", Read: 5000, Total: 5000, Done: true})
	if p.bar != nil {
		t.Error("bar still open after Done")
	}
	// A new read starts a new bar; an unknown total still counts records.
	buf.Reset()
	p.update(daktela.Progress{Model: "tickets", Read: 200})
	if !strings.Contains(buf.String(), "tickets") {
		t.Errorf("second bar: %q", buf.String())
	}
	p.close()
	if p.bar != nil {
		t.Error("close left the bar open")
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

func TestShowProgress(t *testing.T) {
	st, _, _ := testState(t)
	f := &runFlags{}
	if showProgress(st, f, map[string]string{}) {
		t.Error("bar on a non-terminal stderr")
	}
	st.StderrTTY = true
	if !showProgress(st, f, map[string]string{}) {
		t.Error("no bar on a terminal")
	}
	if showProgress(st, f, map[string]string{"CI": "true"}) {
		t.Error("bar in CI")
	}
	if showProgress(st, &runFlags{quiet: true}, map[string]string{}) {
		t.Error("bar with --quiet")
	}
}
