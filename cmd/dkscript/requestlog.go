package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// newRequestLogger returns the logger --verbose gives the client: one line per HTTP
// attempt on w, as text ("GET /api/v6/users.json 200 12ms attempt=1 bytes=2345") or as
// JSON lines (--log-format json). The access token is redacted from every value, even
// though the client is not meant to log it.
func newRequestLogger(w io.Writer, format, token string) *slog.Logger {
	red := newRedactor(token)
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{
			Level: slog.LevelDebug,
			ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				return red.attr(a)
			},
		}))
	}
	return slog.New(&requestLogHandler{w: w, mu: &sync.Mutex{}, red: red})
}

// redactor removes the token from text.
type redactor struct {
	repl *strings.Replacer
}

// tokenParam matches the accessToken query parameter whatever its value.
var tokenParam = regexp.MustCompile(`(?i)(accessToken=)[^&\s"]*`)

func newRedactor(token string) *redactor {
	r := &redactor{}
	if token != "" {
		pairs := []string{token, "REDACTED"}
		if esc := url.QueryEscape(token); esc != token {
			pairs = append(pairs, esc, "REDACTED")
		}
		r.repl = strings.NewReplacer(pairs...)
	}
	return r
}

func (r *redactor) text(s string) string {
	if r.repl != nil {
		s = r.repl.Replace(s)
	}
	if strings.Contains(strings.ToLower(s), "accesstoken=") {
		s = tokenParam.ReplaceAllString(s, "${1}REDACTED")
	}
	return s
}

// attr redacts a's value: strings and anything printed as a string (errors, URLs).
func (r *redactor) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(r.text(v.String()))
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			a.Value = slog.StringValue(r.text(x.Error()))
		case fmt.Stringer:
			a.Value = slog.StringValue(r.text(x.String()))
		case []byte:
			a.Value = slog.StringValue(r.text(string(x)))
		}
	case slog.KindGroup:
		attrs := v.Group()
		out := make([]slog.Attr, len(attrs))
		for i, g := range attrs {
			out[i] = r.attr(g)
		}
		a.Value = slog.GroupValue(out...)
	}
	return a
}

// requestLogHandler is the text handler of --verbose.
type requestLogHandler struct {
	w      io.Writer
	mu     *sync.Mutex
	red    *redactor
	attrs  []slog.Attr // from WithAttrs, keys already prefixed by their groups
	prefix string      // the open groups, "a.b."
}

func (h *requestLogHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *requestLogHandler) WithAttrs(as []slog.Attr) slog.Handler {
	h2 := *h
	h2.attrs = append(h.attrs[:len(h.attrs):len(h.attrs)], h.prefixed(as)...)
	return &h2
}

func (h *requestLogHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	h2 := *h
	h2.prefix = h.prefix + name + "."
	return &h2
}

func (h *requestLogHandler) prefixed(as []slog.Attr) []slog.Attr {
	out := make([]slog.Attr, 0, len(as))
	for _, a := range as {
		out = append(out, h.flatten(h.prefix, a)...)
	}
	return out
}

func (h *requestLogHandler) flatten(prefix string, a slog.Attr) []slog.Attr {
	a.Value = a.Value.Resolve()
	if a.Value.Kind() == slog.KindGroup {
		var out []slog.Attr
		p := prefix
		if a.Key != "" {
			p += a.Key + "."
		}
		for _, g := range a.Value.Group() {
			out = append(out, h.flatten(p, g)...)
		}
		return out
	}
	if a.Equal(slog.Attr{}) {
		return nil
	}
	a.Key = prefix + a.Key
	return []slog.Attr{h.red.attr(a)}
}

// The attributes that make up the head of a line, in order.
var headKeys = []string{"method", "path", "status", "duration"}

func (h *requestLogHandler) Handle(_ context.Context, rec slog.Record) error {
	attrs := append([]slog.Attr(nil), h.attrs...)
	rec.Attrs(func(a slog.Attr) bool {
		attrs = append(attrs, h.flatten(h.prefix, a)...)
		return true
	})
	head := map[string]string{}
	var rest []string
	for _, a := range attrs {
		key := a.Key
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			key = key[i+1:]
		}
		switch lk := strings.ToLower(key); lk {
		case "method":
			head[lk] = a.Value.String()
			continue
		case "path":
			// Already redacted (flatten); redacted again once decoded, in case a secret
			// was spelt in a way only the decoding shows.
			head[lk] = h.red.text(readableQuery(a.Value.String()))
			continue
		case "status":
			head[lk] = a.Value.String()
			if head[lk] == "0" {
				head[lk] = "-" // no answer arrived
			}
			continue
		case "duration", "elapsed", "duration_ms":
			head["duration"] = formatDuration(a.Value, lk == "duration_ms")
			continue
		}
		rest = append(rest, a.Key+"="+quoteIfNeeded(a.Value.String()))
	}
	var b strings.Builder
	b.WriteString("dkscript: ")
	if rec.Level >= slog.LevelWarn {
		b.WriteString(rec.Level.String())
		b.WriteByte(' ')
	}
	wrote := false
	for _, k := range headKeys {
		if v, ok := head[k]; ok {
			if wrote {
				b.WriteByte(' ')
			}
			b.WriteString(v)
			wrote = true
		}
	}
	if msg := h.red.text(rec.Message); msg != "" && (!wrote || !isPlainRequestMessage(msg)) {
		if wrote {
			b.WriteByte(' ')
		}
		b.WriteString(msg)
		wrote = true
	}
	for _, r := range rest {
		if wrote {
			b.WriteByte(' ')
		}
		b.WriteString(r)
		wrote = true
	}
	b.WriteByte('\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

// isPlainRequestMessage reports whether msg says nothing the head of the line does not.
func isPlainRequestMessage(msg string) bool {
	switch strings.ToLower(msg) {
	case "request", "http request", "http", "daktela request", "api request", "attempt":
		return true
	}
	return false
}

func formatDuration(v slog.Value, millis bool) string {
	switch v.Kind() {
	case slog.KindDuration:
		return roundDuration(v.Duration()).String()
	case slog.KindFloat64:
		if millis {
			return roundDuration(time.Duration(v.Float64() * float64(time.Millisecond))).String()
		}
	case slog.KindInt64:
		if millis {
			return roundDuration(time.Duration(v.Int64()) * time.Millisecond).String()
		}
	}
	return v.String()
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	default:
		return d.Round(time.Microsecond)
	}
}

func quoteIfNeeded(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\r\n\"=") {
		return strconv.Quote(s)
	}
	return s
}

// readableQuery returns path with its query's percent-escapes decoded, for people:
// filter[filters][0][field]=stage instead of filter%5Bfilters%5D%5B0%5D%5Bfield%5D=stage.
// What would change how the line reads stays escaped: &, =, +, %, #, spaces and control
// characters (a "+" in the query is an escaped space already).
func readableQuery(path string) string {
	i := strings.IndexByte(path, '?')
	if i < 0 || !strings.Contains(path[i:], "%") {
		return path
	}
	q := path[i+1:]
	var b strings.Builder
	b.Grow(len(path))
	b.WriteString(path[:i+1])
	for j := 0; j < len(q); j++ {
		if q[j] == '%' && j+2 < len(q) {
			if c, err := strconv.ParseUint(q[j+1:j+3], 16, 8); err == nil && c > ' ' && c != 0x7f && !strings.ContainsRune("&=+%#", rune(c)) {
				b.WriteByte(byte(c))
				j += 2
				continue
			}
		}
		b.WriteByte(q[j])
	}
	return b.String()
}
