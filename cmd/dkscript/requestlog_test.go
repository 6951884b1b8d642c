package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

const secret = "tok/en+s3cret"

func TestRequestLogText(t *testing.T) {
	var buf bytes.Buffer
	l := newRequestLogger(&buf, "text", secret)
	l.LogAttrs(context.Background(), slog.LevelInfo, "daktela request",
		slog.String("method", "GET"),
		slog.String("path", "users.json?take=10&accessToken=tok%2Fen%2Bs3cret"),
		slog.Int("status", 200),
		slog.Float64("duration_ms", 12.345),
		slog.Int("attempt", 1),
		slog.Int("bytes", 2345))
	l.LogAttrs(context.Background(), slog.LevelWarn, "daktela request",
		slog.String("method", "POST"),
		slog.String("path", "tickets.json"),
		slog.Int("status", 503),
		slog.Duration("duration", 1500*time.Millisecond),
		slog.Int("attempt", 2),
		slog.Any("error", errors.New("dial 127.0.0.1 with token "+secret)))
	l.Info("daktela request", "method", "GET", "path", "queues.json", "status", 0, "duration_ms", 200.0, "attempt", 1, "error", "no answer")
	l.With("run", "nightly").WithGroup("http").Info("retrying", "wait", "100ms")

	want := "dkscript: GET users.json?take=10&accessToken=REDACTED 200 12.35ms attempt=1 bytes=2345\n" +
		"dkscript: WARN POST tickets.json 503 1.5s attempt=2 error=\"dial 127.0.0.1 with token REDACTED\"\n" +
		"dkscript: GET queues.json - 200ms attempt=1 error=\"no answer\"\n" +
		"dkscript: retrying run=nightly http.wait=100ms\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestRequestLogJSONRedacts(t *testing.T) {
	var buf bytes.Buffer
	l := newRequestLogger(&buf, "json", secret)
	l.Info("daktela request "+secret, "method", "GET", "path", "users.json?accessToken="+secret, "status", 401,
		"error", errors.New("bad token "+secret), "nested", slog.GroupValue(slog.String("url", "x?accessToken=abc")))
	out := buf.String()
	if strings.Contains(out, "s3cret") || strings.Contains(out, "accessToken=abc") {
		t.Errorf("token in the log: %s", out)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("not one JSON line: %v: %s", err, out)
	}
	if m["method"] != "GET" || m["path"] != "users.json?accessToken=REDACTED" || m["status"] != float64(401) ||
		m["error"] != "bad token REDACTED" || m["msg"] != "daktela request REDACTED" {
		t.Errorf("unexpected record %v", m)
	}
}

// --verbose shows a request's query decoded, as people read it; what would change how
// the line reads (&, =, +, %, spaces) stays escaped, and a token stays redacted however
// it was spelt.
func TestRequestLogDecodesQuery(t *testing.T) {
	var buf bytes.Buffer
	l := newRequestLogger(&buf, "text", secret)
	for _, p := range []string{
		"tickets.json?filter%5Bfilters%5D%5B0%5D%5Bfield%5D=stage&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D=OPEN&take=10",
		"mergeContacts.json?contacts%5B0%5D=contact_1&contacts%5B1%5D=contact_2",
		"contacts.json?filter%5Bvalue%5D=Hor%C3%A1k+%26+syn%3Dok%2B100%25&x=a%20b",
		"users.json?accessToken=tok%2Fen%2Bs3cret",
		"users/john%2Fdoe.json",
	} {
		l.Info("daktela request", "method", "GET", "path", p, "status", 200)
	}
	want := "dkscript: GET tickets.json?filter[filters][0][field]=stage&filter[filters][0][value]=OPEN&take=10 200\n" +
		"dkscript: GET mergeContacts.json?contacts[0]=contact_1&contacts[1]=contact_2 200\n" +
		"dkscript: GET contacts.json?filter[value]=Horák+%26+syn%3Dok%2B100%25&x=a%20b 200\n" +
		"dkscript: GET users.json?accessToken=REDACTED 200\n" +
		"dkscript: GET users/john%2Fdoe.json 200\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
