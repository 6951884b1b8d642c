package daktelatest

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// LoggedRequest is one request as the server saw it, for tests to assert on. It never
// holds an access token: the token is removed from the query, and tokens and passwords
// are blanked in the body.
type LoggedRequest struct {
	Seq    int64          // 1-based request number
	Time   time.Time      // when it arrived
	Method string         // GET, POST, ...
	Path   string         // below /api/v6/ as sent, e.g. "tickets/1001/activities.json"
	Query  url.Values     // the decoded query string, without accessToken
	Params map[string]any // the query decoded PHP-style: filter, sort, fields as nested maps/lists
	Body   []byte         // the request body (tokens and passwords replaced by "***")
	Auth   AuthKind       // how the token travelled (AuthNone when there was none)
	Status int            // the status answered (0 when the connection was dropped or hung)
	Fault  string         // the fault injected, "" when none
	Err    string         // why the request was refused before it was routed (unreadable body, URL too long, bad encoding), "" when it was not
}

// logLimit is how many recent requests the log keeps (a benchmark may send millions).
const logLimit = 10000

func (h *Handler) logRequest(seq int64, r *http.Request, in *incoming) int {
	e := LoggedRequest{Seq: seq, Time: time.Now(), Method: r.Method, Path: in.path, Auth: in.authKind}
	e.Query, _ = url.ParseQuery(in.rawQuery)
	if in.query != nil {
		p, _ := in.query.toAny().(map[string]any)
		delete(p, "accessToken")
		e.Params = p
	}
	e.Body = redact(in)
	if in.err != nil {
		e.Err = in.err.Error()
	}
	h.logMu.Lock()
	defer h.logMu.Unlock()
	if len(h.log) >= 2*logLimit {
		// Drop the older half at once: moving the log by one entry per request cost
		// a copy of 10 000 entries each.
		drop := len(h.log) - logLimit
		h.log = append(h.log[:0], h.log[drop:]...)
		h.logN += drop
	}
	h.log = append(h.log, e)
	return h.logN + len(h.log) - 1
}

// redact copies the body with the token, refresh tokens and passwords replaced.
func redact(in *incoming) []byte {
	if len(in.body) == 0 {
		return nil
	}
	if strings.HasPrefix(strings.ToLower(in.contentType), "multipart/") {
		return []byte("(multipart body of " + strconv.Itoa(len(in.body)) + " bytes)") // an upload's bytes stay out of the log
	}
	b := append([]byte(nil), in.body...)
	var secrets []string
	if in.token != "" {
		secrets = append(secrets, in.token)
	}
	if vals, err := bodyValues(in); err == nil {
		for _, k := range []string{"accessToken", "refreshToken", "password"} {
			if s, ok := vals[k].(string); ok && s != "" {
				secrets = append(secrets, s, url.QueryEscape(s))
			}
		}
	}
	for _, s := range secrets {
		b = bytes.ReplaceAll(b, []byte(s), []byte("***"))
	}
	return b
}

func (h *Handler) setLogStatus(entry, status int) {
	h.logMu.Lock()
	defer h.logMu.Unlock()
	if i := entry - h.logN; i >= 0 && i < len(h.log) {
		h.log[i].Status = status
	}
}

func (h *Handler) setLogFault(entry int, fault string) {
	h.logMu.Lock()
	defer h.logMu.Unlock()
	if i := entry - h.logN; i >= 0 && i < len(h.log) {
		h.log[i].Fault = fault
	}
}

// Requests returns a copy of the logged requests, oldest first (the most recent
// 10 000).
func (h *Handler) Requests() []LoggedRequest {
	h.logMu.Lock()
	defer h.logMu.Unlock()
	return append([]LoggedRequest(nil), h.log[max(0, len(h.log)-logLimit):]...)
}

// ResetLog empties the request log (request numbers keep counting).
func (h *Handler) ResetLog() {
	h.logMu.Lock()
	defer h.logMu.Unlock()
	h.logN += len(h.log)
	h.log = nil
}

// RequestCount returns how many requests the handler has received.
func (h *Handler) RequestCount() int64 { return h.reqNo.Load() }
