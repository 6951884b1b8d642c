package daktela

import (
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// DefaultRequestTimeout is the timeout of one HTTP request unless SetRequestTimeout
// changes it: long enough for pages of 1000 large records (PHP's 2 s is not).
const DefaultRequestTimeout = 30 * time.Second

// DefaultConcurrency is how many pages a multi-page read fetches at once by default.
// Eight keeps a read of 100 pages at 20 ms per answer near 0.25x the sequential time
// while staying under the ten concurrent requests known to be used against the API.
const DefaultConcurrency = 8

// ApiCommunicator holds a client's transport settings. Its setters are safe to call at
// any time; requests already under way keep the settings they started with.
type ApiCommunicator struct {
	mu sync.RWMutex
	s  settings
	// sent counts HTTP attempts against settings.maxRequests.
	sent atomic.Int64
	// locked is set by Lock: scripts may no longer change the settings.
	locked atomic.Bool
}

// settings is one consistent view of the transport settings, taken when a request
// starts.
type settings struct {
	timeout     time.Duration
	auth        AuthMethod
	verifySSL   bool
	uaSuffix    string
	logger      *slog.Logger
	httpClient  *http.Client // caller-supplied, or nil for the shared one
	retry       RetryConfig
	rateLimit   RateLimitConfig
	limiter     *rate.Limiter // nil = no cap
	concurrency int
	dryRun      *DryRun
	progress    func(Progress)
	maxRequests int64 // HTTP attempts the client may send in all (0 = no limit)
	maxBody     int64 // bytes one answer's body may have (0 = no limit; DefaultMaxResponseBytes)

	timezone      *time.Location    // sent as x-timezone-client (nil = none)
	language      string            // sent as Accept-Language ("" = none)
	timezoneCheck func(zone string) // gets each 2xx answer's _timezone
}

func newCommunicator() *ApiCommunicator {
	return &ApiCommunicator{s: settings{
		timeout:     DefaultRequestTimeout,
		auth:        AuthHeader,
		verifySSL:   true,
		retry:       DefaultRetryConfig(),
		rateLimit:   DefaultRateLimitConfig(),
		concurrency: DefaultConcurrency,
		maxBody:     DefaultMaxResponseBytes,
	}}
}

// snapshot returns the current settings; later setter calls do not change it.
func (a *ApiCommunicator) snapshot() settings {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.s
}

func (a *ApiCommunicator) update(fn func(*settings)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	fn(&a.s)
}

// SetRequestTimeout sets the timeout of one HTTP request (default 30 s); each retry gets
// the full timeout again. 0 or less means no timeout.
func (a *ApiCommunicator) SetRequestTimeout(d time.Duration) {
	a.update(func(s *settings) { s.timeout = d })
}

// RequestTimeout returns the timeout of one HTTP request.
func (a *ApiCommunicator) RequestTimeout() time.Duration { return a.snapshot().timeout }

// SetAuthenticationMethod chooses how the token travels (default AuthHeader). Any value
// other than AuthQuery means AuthHeader.
func (a *ApiCommunicator) SetAuthenticationMethod(m AuthMethod) {
	if m != AuthQuery {
		m = AuthHeader
	}
	a.update(func(s *settings) { s.auth = m })
}

// AuthenticationMethod returns how the token travels.
func (a *ApiCommunicator) AuthenticationMethod() AuthMethod { return a.snapshot().auth }

// SetVerifySsl turns TLS certificate verification on (the default) or off. It has no
// effect on a client set with SetHTTPClient (configure that client instead).
func (a *ApiCommunicator) SetVerifySsl(verify bool) {
	a.update(func(s *settings) { s.verifySSL = verify })
}

// SetUserAgentSuffix appends suffix to the User-Agent "dkscript/<version>".
func (a *ApiCommunicator) SetUserAgentSuffix(suffix string) {
	a.update(func(s *settings) { s.uaSuffix = suffix })
}

// UserAgent returns the User-Agent header the client sends.
func (a *ApiCommunicator) UserAgent() string { return userAgent(a.snapshot().uaSuffix) }

// SetLogger sets the logger that gets one entry per HTTP attempt (method, path, status,
// duration, attempt, bytes); nil turns logging off.
//
// Entries are logged at Info level, or Warn when the attempt failed or the answer was
// not 2xx. Their attributes: method, path (below /api/v6/, with the query, never the
// token), status (0 when no answer arrived), duration_ms, attempt (1 for the first),
// bytes (of the answer's body), error when the attempt failed (also for a 2xx answer
// whose body broke off or is not valid JSON), and, when the request is sent again, retry
// (why: "HTTP 503 is retryable", "no answer", "the 2xx answer is broken", a 429 wait)
// and retry_in_ms (the wait before it is).
func (a *ApiCommunicator) SetLogger(l *slog.Logger) {
	a.update(func(s *settings) { s.logger = l })
}

// Logger returns the logger set with SetLogger, or nil. A binding that adds a logger of
// its own (a script's) uses it to keep sending entries to the one the host configured.
func (a *ApiCommunicator) Logger() *slog.Logger { return a.snapshot().logger }

// SetHTTPClient replaces the HTTP client (proxies, custom transports); nil restores the
// shared default. The request timeout still applies to each request, the client's own
// redirect policy replaces its CheckRedirect (see [ErrRedirect]), its cookie jar gives
// cookies to the instance's origin only, and its transport gets no GET it could send
// again by itself.
func (a *ApiCommunicator) SetHTTPClient(hc *http.Client) {
	a.update(func(s *settings) { s.httpClient = hc })
}

// SetRetryConfig sets how transient failures are retried.
func (a *ApiCommunicator) SetRetryConfig(rc RetryConfig) {
	rc.RetryableStatusCodes = slices.Clone(rc.RetryableStatusCodes)
	a.update(func(s *settings) { s.retry = rc })
}

// RetryConfig returns how transient failures are retried.
func (a *ApiCommunicator) RetryConfig() RetryConfig {
	rc := a.snapshot().retry
	rc.RetryableStatusCodes = slices.Clone(rc.RetryableStatusCodes)
	return rc
}

// SetRateLimitConfig sets how 429 answers are handled.
func (a *ApiCommunicator) SetRateLimitConfig(rc RateLimitConfig) {
	a.update(func(s *settings) { s.rateLimit = rc })
}

// RateLimitConfig returns how 429 answers are handled.
func (a *ApiCommunicator) RateLimitConfig() RateLimitConfig { return a.snapshot().rateLimit }

// SetRateCap caps requests per second across the client (0 = no cap). Every HTTP
// attempt, retries included, waits for its turn; the wait honours the context.
func (a *ApiCommunicator) SetRateCap(perSecond float64) {
	var l *rate.Limiter
	if perSecond > 0 {
		l = rate.NewLimiter(rate.Limit(perSecond), 1)
	}
	a.update(func(s *settings) { s.limiter = l })
}

// SetConcurrency sets how many pages a multi-page read fetches at once (default 8; values
// below 1 mean 1). With 1, pages are fetched strictly one after the other, each only when
// the previous one has been consumed: an iteration that stops early sends nothing more,
// so the requests are the same on every run.
func (a *ApiCommunicator) SetConcurrency(n int) {
	if n < 1 {
		n = 1
	}
	a.update(func(s *settings) { s.concurrency = n })
}

// Concurrency returns how many pages a multi-page read fetches at once.
func (a *ApiCommunicator) Concurrency() int { return a.snapshot().concurrency }

// SetDryRun turns dry-run mode on when fn is non-nil: creates, updates and deletes are
// handed to fn and not sent; Execute answers them as [DryRun] describes, with responses
// whose DryRun() is true. Reads run normally. fn may be called from several goroutines
// at once when the client is shared. Each call starts its own numbering of the records
// held-back creates make; clients that should share one use ShareDryRun.
func (a *ApiCommunicator) SetDryRun(fn func(WriteIntent)) {
	if fn == nil {
		a.ShareDryRun(nil)
		return
	}
	a.ShareDryRun(NewDryRun(fn))
}

// ShareDryRun puts the client in dry-run mode d (nil turns it off). A host gives one
// DryRun to every client of a run, so that the records held-back creates make are
// numbered once and d.Counts() sums what all of them held back.
func (a *ApiCommunicator) ShareDryRun(d *DryRun) {
	a.update(func(s *settings) { s.dryRun = d })
}

// DryRun reports whether dry-run mode is on (SetDryRun or ShareDryRun), so that a
// script can say what it would do, or skip work that only makes sense after real writes.
func (a *ApiCommunicator) DryRun() bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.s.dryRun != nil
}

// SetProgress sets a function called as multi-page reads advance (nil = none). It is
// called on the goroutine that consumes the read, after each page and once at the end
// with Done set.
func (a *ApiCommunicator) SetProgress(fn func(Progress)) {
	a.update(func(s *settings) { s.progress = fn })
}

// SetMaxRequests limits how many HTTP requests the client sends over its life, retries
// and 429 waits included (0, the default, means no limit). Once the limit is reached,
// every request fails before anything is sent with an error wrapping [ErrRequestLimit].
// Embedders use it to bound what a script can do with the client they hand it.
func (a *ApiCommunicator) SetMaxRequests(n int64) {
	a.update(func(s *settings) { s.maxRequests = max(n, 0) })
}

// MaxRequests returns the request limit (0 = none).
func (a *ApiCommunicator) MaxRequests() int64 { return a.snapshot().maxRequests }

// RequestsSent returns how many HTTP requests the client has sent, retries included.
// It counts only while a limit is set (SetMaxRequests).
func (a *ApiCommunicator) RequestsSent() int64 { return a.sent.Load() }

// DefaultMaxResponseBytes is the size limit of one answer's body unless
// SetMaxResponseBytes changes it: 64 MiB, room for a page of 1000 records of 64 KiB each,
// while a server that never stops sending cannot make the process grow without bound.
const DefaultMaxResponseBytes = 64 << 20

// SetMaxResponseBytes limits the size of one answer's body (default
// [DefaultMaxResponseBytes]; 0 means no limit). A longer answer fails the request with
// an error wrapping [ErrResponseTooLarge], without reading the rest and without a retry.
func (a *ApiCommunicator) SetMaxResponseBytes(n int64) {
	a.update(func(s *settings) { s.maxBody = max(n, 0) })
}

// MaxResponseBytes returns the answer size limit (0 = none).
func (a *ApiCommunicator) MaxResponseBytes() int64 { return a.snapshot().maxBody }
