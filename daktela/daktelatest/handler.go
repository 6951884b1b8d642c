package daktelatest

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Handler is the fake Daktela as an http.Handler, for embedders who run their own
// listener (NewServer wraps one). It serves /api/v6/ and answers 404 elsewhere. It is
// safe for concurrent use.
type Handler struct {
	seed      int64
	token     string
	latency   time.Duration
	jitter    time.Duration
	st        *store
	reqNo     atomic.Int64
	closing   chan struct{}
	closeOnce sync.Once

	faultMu     sync.Mutex
	faults      []FaultRule
	faultCounts []faultCount

	logMu sync.Mutex
	log   []LoggedRequest
	logN  int // entries dropped from the front when over logLimit

	auth        *sessions
	readTimeout time.Duration // for a request's body, as ReadHeaderTimeout is for its headers
	// clock is Options.Now (nil: time.Now).
	clock func() time.Time
	// recordingSize is Options.RecordingSize (0: recordings follow the call's duration).
	recordingSize int64

	liveMu    sync.Mutex
	liveCount LiveEvents // what Live has done
}

// maxBody bounds a request body (a bulk import of a big record is far below it).
const maxBody = 32 << 20

// DefaultReadTimeout is how long a request's headers, and then its body, may take to
// arrive when Options.ReadTimeout is zero.
const DefaultReadTimeout = 30 * time.Second

// NewHandler builds the fake server's handler with its demo data (and synthesised
// models) from opts. It fails on a bad fault spec or an unknown model in opts.Records.
func NewHandler(opts Options) (*Handler, error) {
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	if opts.ReadTimeout == 0 {
		opts.ReadTimeout = DefaultReadTimeout
	}
	h := &Handler{seed: opts.Seed, token: opts.Token, latency: opts.Latency, jitter: opts.Jitter,
		closing: make(chan struct{}), readTimeout: opts.ReadTimeout}
	if opts.ReadTimeout < 0 {
		return nil, fmt.Errorf("daktelatest: the read timeout must not be negative (got %v)", opts.ReadTimeout)
	}
	if opts.Live < 0 || opts.Live > MaxLiveRate {
		return nil, fmt.Errorf("daktelatest: the live rate must be from 0 to %d events a second (got %v)", MaxLiveRate, opts.Live)
	}
	if opts.Latency < 0 || opts.Jitter < 0 {
		return nil, fmt.Errorf("daktelatest: latency and jitter must not be negative (got %v, %v)", opts.Latency, opts.Jitter)
	}
	h.clock = opts.Now
	if opts.RecordingSize != 0 && opts.RecordingSize < MinRecordingSize {
		return nil, fmt.Errorf("daktelatest: the recording size must be at least %d bytes (a WAV header), not %d", MinRecordingSize, opts.RecordingSize)
	}
	h.recordingSize = opts.RecordingSize
	h.st = newStore(opts.Seed)
	switch {
	case !opts.Anchor.IsZero():
		h.st.epoch = opts.Anchor
	case opts.Now != nil:
		h.st.epoch = opts.Now()
	}
	h.st.seed()
	for name, n := range opts.Records {
		m := lookupModel(h.st.models, name)
		if m == nil {
			return nil, fmt.Errorf("daktelatest: cannot synthesise records of unknown model %q (known: %s)", name, strings.Join(modelNames(h.st.models), ", "))
		}
		if n < 0 || n > MaxRecords {
			return nil, fmt.Errorf("daktelatest: record count for %s must be from 0 to %d, not %d", m.name, MaxRecords, n)
		}
		h.st.tables[m.name].synth = newSynth(h.st, m, n, opts.Seed)
	}
	if opts.Faults != "" {
		rules, err := ParseFaults(opts.Faults)
		if err != nil {
			return nil, err
		}
		h.SetFaults(rules...)
	}
	if opts.TokenLife < 0 {
		return nil, fmt.Errorf("daktelatest: the token life must not be negative (got %v)", opts.TokenLife)
	}
	h.auth = newSessions(opts.Seed, opts.Token, opts.TokenLife)
	return h, nil
}

// close makes hung answers return; the handler keeps serving otherwise.
func (h *Handler) close() { h.closeOnce.Do(func() { close(h.closing) }) }

// Token returns the static access token the handler accepts (the "admin" user's).
func (h *Handler) Token() string { return h.token }

func (h *Handler) now() time.Time {
	if h.clock != nil {
		return h.clock()
	}
	return time.Now()
}

// maxRequestURI is the request line limit of common front proxies (8 KiB): the fake
// answers a longer request target with 414, as they do.
const maxRequestURI = 8192

// ServeHTTP answers one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.RequestURI) > maxRequestURI {
		// As a front proxy does: the request never reaches the application.
		http.Error(w, "414 Request-URI Too Large", http.StatusRequestURITooLong)
		return
	}
	seq := h.reqNo.Add(1)
	if r.ContentLength != 0 && h.readTimeout > 0 {
		// The body must arrive in time too: a client that sends it slowly does not
		// hold the connection (ReadHeaderTimeout only covers the headers).
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(h.readTimeout))
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		in := &incoming{method: r.Method, path: clip(r.URL.EscapedPath(), 200),
			err: fmt.Errorf("the request body could not be read: %v", err)}
		h.refuse(w, r, seq, in, 400)
		return
	}
	in := h.decode(r, body)
	entry := h.logRequest(seq, r, in)
	if in.err != nil {
		h.deliver(w, r, entry, errorReply(400, h.now(), in.err.Error()))
		return
	}
	fault := h.pickFault(seq, in)
	if fault != nil {
		h.setLogFault(entry, string(fault.Kind))
	}
	if !h.wait(r.Context(), h.latencyFor(seq)) {
		return
	}
	if fault != nil && h.applyFaultBefore(w, r, entry, fault) {
		return
	}
	if fault != nil && fault.Kind == FaultCap {
		in.takeCap = cmp.Or(fault.Take, defaultCapTake)
	}
	if in.file {
		h.serveFile(w, r, entry, in, fault)
		return
	}
	rep := h.route(in)
	if fault != nil && h.applyFaultAfter(w, r, entry, fault, rep) {
		return
	}
	h.deliver(w, r, entry, rep)
}

// refuse answers a request the server could not read with status and in.err, and logs
// it with the reason.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, seq int64, in *incoming, status int) {
	entry := h.logRequest(seq, r, in)
	w.Header().Set("Connection", "close")
	h.deliver(w, r, entry, errorReply(status, h.now(), in.err.Error()))
}

// clip shortens s to at most n bytes for a log entry.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// wait sleeps d, or until the request or the server ends; false when it ended.
func (h *Handler) wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-h.closing:
	}
	return false
}

// latencyFor is Options.Latency plus a jitter that is a pure function of seed and seq.
func (h *Handler) latencyFor(seq int64) time.Duration {
	d := h.latency
	if h.jitter > 0 {
		d += time.Duration(mix(uint64(h.seed), uint64(seq), 0x1a7e) % uint64(h.jitter+1))
	}
	return d
}

// deliver writes a reply with Content-Length (and returns its buffer to the pool).
func (h *Handler) deliver(w http.ResponseWriter, r *http.Request, entry int, rep reply) {
	hd := w.Header()
	if rep.retryAfter != "" {
		hd.Set("Retry-After", rep.retryAfter)
	}
	h.setLogStatus(entry, rep.status)
	if lang := primaryLanguage(r.Header.Get("Accept-Language")); lang != "" {
		hd.Add("Set-Cookie", (&http.Cookie{Name: "lang", Value: lang, Path: "/"}).String())
	}
	if rep.body == nil {
		w.WriteHeader(rep.status)
		return
	}
	defer putBuf(rep.body)
	if tz := r.Header.Get("X-Timezone-Client"); tz != "" && !rep.html {
		*rep.body = withClientZone(*rep.body, tz)
	}
	if rep.html {
		hd.Set("Content-Type", "text/html; charset=UTF-8")
	} else {
		hd.Set("Content-Type", "application/json; charset=UTF-8")
	}
	hd.Set("Content-Length", fmt.Sprint(len(*rep.body)))
	w.WriteHeader(rep.status)
	if r.Method != http.MethodHead {
		w.Write(*rep.body)
	}
}

// AuthKind is how a request carried its access token.
type AuthKind string

// The ways a token can travel (reference §1.2).
const (
	AuthNone   AuthKind = ""       // no token
	AuthHeader AuthKind = "header" // X-AUTH-TOKEN header
	AuthQuery  AuthKind = "query"  // accessToken query parameter
	AuthCookie AuthKind = "cookie" // c_user cookie
	AuthBearer AuthKind = "bearer" // Authorization: Bearer (Java connector)
	AuthForm   AuthKind = "form"   // accessToken in a form body (older docs)
)

// incoming is a decoded request.
type incoming struct {
	method   string
	path     string   // below /api/v6/, as sent (escaped)
	segs     []string // unescaped path segments, ".json" removed from the last
	api      bool     // under /api/v6/
	file     bool     // under /file/ (path is then the whole path)
	query    *pnode
	rawQuery string // without the token
	body     []byte
	form     *pnode // form body, when form-encoded
	jsonBody bool
	// contentType is the body's Content-Type header.
	contentType string
	token       string
	authKind    AuthKind
	err         error
	takeCap     int // a cap fault: list answers hold at most this many records (0 = MaxTake)
}

// defaultCapTake is the page size of a cap fault without take=.
const defaultCapTake = 500

func (h *Handler) decode(r *http.Request, body []byte) *incoming {
	in := &incoming{method: r.Method, body: body, contentType: r.Header.Get("Content-Type")}
	p := r.URL.EscapedPath()
	const prefix = "/api/v6/"
	switch {
	case strings.HasPrefix(p, filePrefix):
		in.file = true
		in.path = p
	case !strings.HasPrefix(p, prefix):
		in.path = p
		return in
	default:
		in.api = true
		in.path = p[len(prefix):]
	}
	for _, seg := range strings.Split(strings.Trim(in.path, "/"), "/") {
		u, err := url.PathUnescape(seg)
		if err != nil {
			in.err = fmt.Errorf("path segment %q is not valid URL encoding", seg)
			return in
		}
		in.segs = append(in.segs, u)
	}
	if n := len(in.segs); n > 0 {
		in.segs[n-1] = strings.TrimSuffix(in.segs[n-1], ".json")
	}
	in.rawQuery = stripParam(r.URL.RawQuery, "accessToken")
	q, err := parsePHPQuery(r.URL.RawQuery)
	if err != nil {
		in.err = err
		in.query = newPnode()
	} else {
		in.query = q
	}
	if len(body) > int(maxBody) {
		in.err = fmt.Errorf("request body is larger than %d bytes", maxBody)
		return in
	}
	ct := r.Header.Get("Content-Type")
	trimmed := strings.TrimSpace(string(firstBytes(body, 64)))
	switch {
	case len(body) == 0:
	case strings.HasPrefix(strings.ToLower(ct), "multipart/"):
		// An upload: upload.php reads it.
	case strings.Contains(ct, "json") || strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "["):
		in.jsonBody = true
	default:
		f, err := parsePHPQuery(string(body))
		if err != nil && in.err == nil {
			in.err = fmt.Errorf("form body: %v", err)
		}
		in.form = f
	}
	// The token: header, then query, cookie, bearer, form body.
	switch {
	case r.Header.Get("X-AUTH-TOKEN") != "":
		in.token, in.authKind = r.Header.Get("X-AUTH-TOKEN"), AuthHeader
	case in.query != nil && in.query.get("accessToken") != nil:
		in.token, _ = in.query.str("accessToken")
		in.authKind = AuthQuery
	default:
		if c, err := r.Cookie("c_user"); err == nil && c.Value != "" {
			in.token, in.authKind = c.Value, AuthCookie
		} else if a := r.Header.Get("Authorization"); len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
			in.token, in.authKind = strings.TrimSpace(a[7:]), AuthBearer
		} else if in.form != nil && in.form.get("accessToken") != nil {
			in.token, _ = in.form.str("accessToken")
			in.authKind = AuthForm
		}
	}
	return in
}

func firstBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// stripParam removes every key=value pair named key from a raw query.
func stripParam(raw, key string) string {
	if !strings.Contains(raw, key) {
		return raw
	}
	var keep []string
	for _, pair := range strings.Split(raw, "&") {
		k, _, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil && uk == key {
			continue
		}
		keep = append(keep, pair)
	}
	return strings.Join(keep, "&")
}

// mix is a splitmix64-style hash of a few words: the source of every seeded decision.
func mix(words ...uint64) uint64 {
	var x uint64 = 0x9e3779b97f4a7c15
	for _, w := range words {
		x ^= w + 0x9e3779b97f4a7c15 + (x << 6) + (x >> 2)
		x ^= x >> 30
		x *= 0xbf58476d1ce4e5b9
		x ^= x >> 27
		x *= 0x94d049bb133111eb
		x ^= x >> 31
	}
	return x
}
