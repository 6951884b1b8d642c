package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"strings"
	"sync"

	"github.com/dkscript/dkscript/runtime"
)

// newServeLogger returns serve's request log: one line per webhook on w, as text
//
//	2026-01-15T12:00:00.123Z POST /hooks/call_close event=call_close status=200 duration=12ms bytes=345 remote=10.0.0.7:51234
//
// or as a JSON object per line (--log-format json). The line holds no header and no
// body; the access token and the webhook secret are redacted from the error text.
func newServeLogger(w io.Writer, format, token, secret string) func(runtime.WebhookLogEntry) {
	tok, sec := newRedactor(token), newRedactor(secret)
	clean := func(s string) string { return sec.text(tok.text(s)) }
	if format == "json" {
		lg := slog.New(slog.NewJSONHandler(w, nil))
		return func(e runtime.WebhookLogEntry) {
			attrs := []slog.Attr{
				slog.String("method", e.Method),
				slog.String("path", clean(e.Path)),
				slog.String("event", e.Event),
				slog.Int("status", e.Status),
				slog.Float64("duration_ms", float64(e.Duration.Microseconds())/1000),
				slog.Int64("bytes", e.Bytes),
				slog.String("remote", e.Remote),
			}
			if e.Error != "" {
				attrs = append(attrs, slog.String("error", clean(e.Error)))
			}
			lg.LogAttrs(context.Background(), levelOf(e.Status), "webhook", attrs...)
		}
	}
	var mu sync.Mutex
	return func(e runtime.WebhookLogEntry) {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s %s", e.Time.UTC().Format("2006-01-02T15:04:05.000Z"), e.Method, clean(e.Path))
		if e.Event != "" {
			fmt.Fprintf(&b, " event=%s", e.Event)
		}
		fmt.Fprintf(&b, " status=%d duration=%s bytes=%d remote=%s", e.Status, e.Duration.Round(100_000), e.Bytes, e.Remote)
		if e.Error != "" {
			fmt.Fprintf(&b, " error=%q", clean(e.Error))
		}
		b.WriteByte('\n')
		mu.Lock()
		defer mu.Unlock()
		_, _ = io.WriteString(w, b.String())
	}
}

// levelOf is a request's log level: ERROR for a failed handler, WARN for a refused
// request, INFO otherwise.
func levelOf(status int) slog.Level {
	switch {
	case status >= 500:
		return slog.LevelError
	case status >= 400:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// quietServerLog is the net/http server's error log: its messages (a client's TLS
// handshake on a plain port, a broken connection) are noise for a webhook server.
func quietServerLog() *log.Logger { return log.New(io.Discard, "", 0) }

// shareStderr is stderr as the runtimes and the request log share it.
func shareStderr(st *state) io.Writer {
	if lw, ok := st.Stderr.(*lockedWriter); ok {
		return lw
	}
	return &lockedWriter{w: st.Stderr}
}

// token is the configured connection's access token ("" without one), for redaction.
func (s *session) token() string {
	if s.conn == nil {
		return ""
	}
	return s.conn.Token
}
