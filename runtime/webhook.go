package runtime

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Defaults of a WebhookHandler.
const (
	DefaultSecretHeader = "X-Webhook-Secret"
	DefaultMaxBody      = 1 << 20
)

// WebhookOptions configure a WebhookHandler.
type WebhookOptions struct {
	// Secret, when not empty, is the value every webhook must carry in SecretHeader;
	// a request without it is answered 401 (compared in constant time). Empty: no
	// check (keep such a server on loopback).
	Secret string
	// SecretHeader names the header (default DefaultSecretHeader, X-Webhook-Secret).
	// Handlers never see it in request.headers.
	SecretHeader string
	// MaxBody is the largest body accepted, in bytes (default DefaultMaxBody, 1 MiB);
	// a larger one is answered 413.
	MaxBody int64
	// Log, when set, is called once per request after it was answered.
	Log func(WebhookLogEntry)
}

// WebhookLogEntry describes one answered request. It holds no header, body or secret.
type WebhookLogEntry struct {
	Time     time.Time     // when the request arrived
	Method   string        // "POST"
	Path     string        // "/hooks/call_close"
	Event    string        // the event ("" when none was found)
	Status   int           // the answer's status
	Duration time.Duration // from arrival to the answer
	Bytes    int64         // the body's size
	Remote   string        // the sender's address
	Error    string        // why the handler failed (500) or the request was refused, on one line
}

// WebhookHandler is the http.Handler of Daktela Automations' webhooks over a
// HandlerPool:
//
//	POST /                  the event is the JSON body's "event" field
//	POST /hooks/EVENT       the event is EVENT (it wins over the body's field)
//	GET  /healthz           200 "ok" (503 once draining)
//	GET  /metrics           Prometheus text: requests by event and status, handler
//	                        durations, running and queued handlers
//
// A webhook is answered 2xx only after its handler's promise resolved and all it
// started finished: 200 with the JSON of an object the handler returned, else 204.
// A handler that throws, rejects or runs past the pool's Timeout is answered 500 (so
// the sender retries); a wrong or missing secret 401; an event without a handler 404;
// a body past MaxBody 413; a body that is not JSON (or form data) 400; a full queue,
// and every request once Drain was called, 503 with Retry-After.
type WebhookHandler struct {
	pool     *HandlerPool
	opts     WebhookOptions
	secret   [sha256.Size]byte
	metrics  *webhookMetrics
	draining atomic.Bool
}

// NewWebhookHandler returns the webhook handler of pool.
func NewWebhookHandler(pool *HandlerPool, opts WebhookOptions) *WebhookHandler {
	if opts.SecretHeader == "" {
		opts.SecretHeader = DefaultSecretHeader
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	h := &WebhookHandler{pool: pool, opts: opts, metrics: newWebhookMetrics(pool.Events())}
	h.secret = sha256.Sum256([]byte(opts.Secret))
	return h
}

// Drain makes the handler answer every new request 503 (Connection: close), /healthz
// included, so a load balancer and the senders go elsewhere while the requests under
// way finish. Call it when a shutdown starts.
func (h *WebhookHandler) Drain() { h.draining.Store(true) }

// eventRe is what an event name may hold.
var eventRe = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,128}$`)

// ServeHTTP answers one request.
func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	entry := WebhookLogEntry{Time: start, Method: r.Method, Path: r.URL.Path, Remote: r.RemoteAddr}
	status := h.serve(w, r, &entry)
	entry.Status = status
	entry.Duration = time.Since(start)
	if entry.Path != "/healthz" && entry.Path != "/metrics" {
		h.metrics.request(entry.Event, status)
	}
	if h.opts.Log != nil {
		h.opts.Log(entry)
	}
}

// serve routes and answers the request and returns the status it answered.
func (h *WebhookHandler) serve(w http.ResponseWriter, r *http.Request, entry *WebhookLogEntry) int {
	path := r.URL.Path
	pathEvent, isHook := strings.CutPrefix(path, "/hooks/")
	switch {
	case path == "/healthz" || path == "/metrics":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return answerError(w, http.StatusMethodNotAllowed, "GET only", "GET, HEAD")
		}
		if path == "/metrics" {
			w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
			h.metrics.write(w, h.pool)
			return http.StatusOK
		}
		if h.draining.Load() {
			return answerError(w, http.StatusServiceUnavailable, "shutting down", "")
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
		return http.StatusOK
	case path == "/" || isHook:
	default:
		return answerError(w, http.StatusNotFound, "not found: webhooks go to POST / or POST /hooks/EVENT", "")
	}
	if r.Method != http.MethodPost {
		return answerError(w, http.StatusMethodNotAllowed, "webhooks are POSTed", "POST")
	}
	if isHook && !eventRe.MatchString(pathEvent) {
		entry.Error = "invalid event name in the path"
		return answerError(w, http.StatusNotFound, "no such event", "")
	}
	if h.draining.Load() {
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", "5")
		entry.Error = "shutting down"
		return answerError(w, http.StatusServiceUnavailable, "shutting down: send again", "")
	}
	if !h.secretOK(r) {
		entry.Error = "wrong or missing secret"
		return answerError(w, http.StatusUnauthorized, "wrong or missing webhook secret", "")
	}
	if r.ContentLength > h.opts.MaxBody {
		entry.Bytes = r.ContentLength
		entry.Error = "body too large"
		w.Header().Set("Connection", "close")
		return answerError(w, http.StatusRequestEntityTooLarge, "body larger than "+strconv.FormatInt(h.opts.MaxBody, 10)+" bytes", "")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBody))
	entry.Bytes = int64(len(body))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			entry.Error = "body too large"
			return answerError(w, http.StatusRequestEntityTooLarge, "body larger than "+strconv.FormatInt(h.opts.MaxBody, 10)+" bytes", "")
		}
		entry.Error = "reading the body: " + err.Error()
		return answerError(w, http.StatusBadRequest, "could not read the body", "")
	}
	payload, bodyEvent, err := decodePayload(r.Header.Get("Content-Type"), body)
	if err != nil {
		entry.Error = err.Error()
		return answerError(w, http.StatusBadRequest, err.Error(), "")
	}
	event := bodyEvent
	if isHook {
		event = pathEvent
	}
	if event == "" {
		entry.Error = "no event"
		return answerError(w, http.StatusBadRequest, `no event: POST to /hooks/EVENT or put "event" in the JSON body`, "")
	}
	if !h.pool.Has(event) {
		entry.Error = "no handler for " + strconv.Quote(event)
		return answerError(w, http.StatusNotFound, "no handler for this event", "")
	}
	entry.Event = event
	hdr := r.Header.Clone()
	hdr.Del(h.opts.SecretHeader)
	req := &HookRequest{Event: event, Path: path, Headers: hdr, Payload: payload}
	t0 := time.Now()
	res, err := h.pool.Call(r.Context(), req)
	var he *HandlerError
	if err == nil || errors.As(err, &he) {
		h.metrics.observe(event, time.Since(t0)) // the handler ran
	}
	switch {
	case err == nil:
		if res.Body != nil {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write(res.Body)
			return http.StatusOK
		}
		w.WriteHeader(http.StatusNoContent)
		return http.StatusNoContent
	case he != nil:
		entry.Error = he.Summary()
		return answerError(w, http.StatusInternalServerError, "the handler failed", "")
	case errors.Is(err, ErrPoolBusy), errors.Is(err, ErrPoolClosed):
		entry.Error = err.Error()
		w.Header().Set("Retry-After", "1")
		return answerError(w, http.StatusServiceUnavailable, err.Error(), "")
	default:
		// The sender went away while the call waited for a runtime: nothing ran.
		entry.Error = err.Error()
		return answerError(w, http.StatusServiceUnavailable, "not handled", "")
	}
}

// secretOK reports whether the request carries the secret (always, with none set).
// Both sides are hashed first, so the comparison takes the same time whatever the
// lengths.
func (h *WebhookHandler) secretOK(r *http.Request) bool {
	if h.opts.Secret == "" {
		return true
	}
	got := sha256.Sum256([]byte(r.Header.Get(h.opts.SecretHeader)))
	return subtle.ConstantTimeCompare(got[:], h.secret[:]) == 1
}

// decodePayload checks the body and returns it as JSON for the handler, with the
// event its "event" field names. A form-encoded body (Content-Type
// application/x-www-form-urlencoded) becomes an object of strings (arrays for
// repeated keys), unless it is a JSON object (as curl -d sends one); an empty body is
// an empty object.
func decodePayload(contentType string, body []byte) (payload []byte, event string, err error) {
	form := strings.HasPrefix(strings.ToLower(strings.TrimSpace(contentType)), "application/x-www-form-urlencoded")
	if form && !(strings.HasPrefix(strings.TrimSpace(string(body)), "{") && json.Valid(body)) {
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, "", errors.New("the form body does not parse: " + err.Error())
		}
		obj := make(map[string]any, len(vals))
		for k, v := range vals {
			if len(v) == 1 {
				obj[k] = v[0]
			} else {
				obj[k] = v
			}
		}
		payload, _ = json.Marshal(obj)
		return payload, vals.Get("event"), nil
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return []byte("{}"), "", nil
	}
	var head struct {
		Event any `json:"event"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		var ute *json.UnmarshalTypeError
		if !errors.As(err, &ute) {
			return nil, "", errors.New("the body is not JSON")
		}
	}
	if s, ok := head.Event.(string); ok {
		event = s
	}
	return body, event, nil
}

// answerError writes a short JSON error.
func answerError(w http.ResponseWriter, status int, msg, allow string) int {
	if allow != "" {
		w.Header().Set("Allow", allow)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	b, _ := json.Marshal(map[string]string{"error": msg})
	_, _ = w.Write(append(b, '\n'))
	return status
}
