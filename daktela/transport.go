package daktela

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// maxIdleConnsPerHost is how many keep-alive connections the shared transport keeps per
// host: more than any sensible page concurrency, so concurrent reads reuse connections.
const maxIdleConnsPerHost = 64

// sharedTransports are the keep-alive transports every client without its own
// *http.Client shares: one verifying TLS certificates, one not (SetVerifySsl(false)).
var sharedTransports = sync.OnceValues(func() (verify, insecure *http.Transport) {
	mk := func(skipVerify bool) *http.Transport {
		d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
		return &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           d.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          4 * maxIdleConnsPerHost,
			MaxIdleConnsPerHost:   maxIdleConnsPerHost,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
			TLSClientConfig:       &tls.Config{InsecureSkipVerify: skipVerify}, //nolint:gosec // only when the user turns verification off
		}
	}
	return mk(false), mk(true)
})

var (
	verifyingClient = sync.OnceValue(func() *http.Client {
		t, _ := sharedTransports()
		return &http.Client{Transport: t}
	})
	insecureClient = sync.OnceValue(func() *http.Client {
		_, t := sharedTransports()
		return &http.Client{Transport: t}
	})
)

// client returns the HTTP client the settings ask for.
func (s *settings) client() *http.Client {
	switch {
	case s.httpClient != nil:
		return s.httpClient
	case s.verifySSL:
		return verifyingClient()
	default:
		return insecureClient()
	}
}

// answer is one HTTP answer, read in full.
type answer struct {
	status     int
	header     http.Header
	body       []byte
	retryAfter time.Duration // for a 429: what Retry-After asked (0 when it did not say)

	// A 2xx answer is parsed by roundTrip (a broken body may be retried): the result,
	// which toResponse uses instead of parsing again.
	parsed  bool
	resp    *Response
	perr    error
	retries int // how many times the request was sent again before this answer
}

func isSuccess(status int) bool { return status >= 200 && status <= 299 }

// target is where one request goes and how it is shown.
type target struct {
	wr      wireRequest
	url     string // full URL, with the token when it travels in the query
	safeURL string // full URL with the token replaced
	path    string // path below /api/v6/ with the query, never the token: for errors and logs
	token   string
	sec     *secrets // the token and the client's other secrets, redacted from every text
}

func (c *Client) target(st *settings, wr wireRequest, sec *secrets) target {
	token := sec.token
	t := target{wr: wr, token: token, sec: sec, path: wr.Path}
	if wr.Query != "" {
		t.path += "?" + wr.Query
	}
	base := c.baseURL + "/api/v6/" + t.path
	t.url, t.safeURL = base, base
	if token != "" && st.auth == AuthQuery {
		sep := "?"
		if wr.Query != "" {
			sep = "&"
		}
		t.url = base + sep + "accessToken=" + url.QueryEscape(token)
		t.safeURL = base + sep + "accessToken=" + redacted
	}
	return t
}

// roundTrip sends wr with sec's token and returns the final answer, whatever its status,
// after the retries and 429 waits the settings allow. The error, when there is one, is
// a *RequestError with Err set; it never holds a secret of sec.
//
// A 2xx answer is parsed here: a read (GET) whose 2xx body is not valid JSON is sent
// again like one with a retryable status. A write whose 2xx answer broke off is not: it
// took effect (see [ErrBrokenAnswer]).
func (c *Client) roundTrip(ctx context.Context, st *settings, wr wireRequest, sec *secrets) (*answer, error) {
	t := c.target(st, wr, sec)
	fail := func(err error) error {
		return &RequestError{Method: wr.Method, Path: t.path, Err: err}
	}
	if wr.Method == http.MethodGet {
		if err := checkURLLength(t); err != nil {
			return nil, fail(err)
		}
	}
	retries, waits := 0, 0
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, fail(err)
		}
		if st.limiter != nil {
			if err := st.limiter.Wait(ctx); err != nil {
				if ctx.Err() != nil {
					err = ctx.Err()
				}
				return nil, fail(fmt.Errorf("waiting for the rate cap: %w", err))
			}
		}
		if st.maxRequests > 0 && c.comm.sent.Add(1) > st.maxRequests {
			c.comm.sent.Add(-1)
			return nil, fail(fmt.Errorf("%w (%d requests)", ErrRequestLimit, st.maxRequests))
		}
		ans, rec, err := c.attempt(ctx, st, t)
		rec.n = attempt
		// retry logs the attempt with why it is sent again, and waits d.
		retry := func(why string, d time.Duration) error {
			rec.retry, rec.retryIn = why, d
			c.logAttempt(st, t, rec, err)
			return sleepCtx(ctx, d)
		}
		if err != nil {
			switch {
			case errors.Is(err, ErrRedirect):
				c.logAttempt(st, t, rec, err)
				return nil, &RequestError{Method: wr.Method, Path: t.path, Status: ans.status, Err: err}
			case ctx.Err() != nil && wr.Method != http.MethodGet && rec.sent:
				// Stopped after the write went out: the server may have applied it.
				c.logAttempt(st, t, rec, err)
				return nil, fail(fmt.Errorf("%w: %w", ErrOutcomeUnknown, ctx.Err()))
			case ctx.Err() != nil:
				c.logAttempt(st, t, rec, err)
				return nil, fail(ctx.Err())
			case ans != nil && isSuccess(ans.status) && wr.Method != http.MethodGet:
				// The status line says the write took effect; only its body broke off.
				c.logAttempt(st, t, rec, err)
				return nil, &RequestError{Method: wr.Method, Path: t.path, Status: ans.status,
					Response: &Response{status: ans.status, kind: wr.Kind},
					Err:      &brokenAnswerError{applied: true, err: err}}
			case wr.Method == http.MethodPost && rec.sent:
				c.logAttempt(st, t, rec, err)
				return nil, fail(fmt.Errorf("%w: %w", ErrOutcomeUnknown, err))
			case retries < st.retry.MaxRetries && retryableTransportError(err) &&
				(ans != nil && isSuccess(ans.status) || st.retry.RetryOnConnectionError):
				why := "no answer"
				switch {
				case ans != nil && isSuccess(ans.status):
					why = "the 2xx answer is broken" // a read's: sent again like a retryable status
				case ans != nil:
					why = fmt.Sprintf("the answer (HTTP %d) broke off", ans.status)
				}
				if serr := retry(why, st.retry.jittered(retries)); serr != nil {
					return nil, fail(serr)
				}
				retries++
				continue
			}
			c.logAttempt(st, t, rec, err)
			if ans != nil && isSuccess(ans.status) {
				return nil, &RequestError{Method: wr.Method, Path: t.path, Status: ans.status,
					Response: &Response{status: ans.status, kind: wr.Kind},
					Err:      &brokenAnswerError{retries: retries, err: err}}
			}
			return nil, fail(err)
		}
		if ans.status == http.StatusTooManyRequests {
			wait, said := parseRetryAfter(ans.header.Get("Retry-After"), time.Now())
			if said {
				ans.retryAfter = wait
			} else {
				wait = st.rateLimit.DefaultWait
			}
			rl := st.rateLimit
			if rl.AutoRetry && wait <= rl.MaxWait && waits < rl.maxRetries() {
				if serr := retry("HTTP 429: waiting as the server asks", wait); serr != nil {
					return nil, fail(serr)
				}
				waits++
				continue
			}
			c.logAttempt(st, t, rec, nil)
			return ans, nil
		}
		if wr.Method != http.MethodPost && retries < st.retry.MaxRetries && st.retry.IsRetryableStatus(ans.status) {
			if serr := retry(fmt.Sprintf("HTTP %d is retryable", ans.status), st.retry.jittered(retries)); serr != nil {
				return nil, fail(serr)
			}
			retries++
			continue
		}
		ans.retries = retries
		if isSuccess(ans.status) {
			ans.resp, ans.perr = parseResponse(ans.status, ans.body, wr.Kind)
			ans.parsed = true
			if st.timezoneCheck != nil && ans.resp != nil && ans.resp.timezone != "" {
				st.timezoneCheck(ans.resp.timezone)
			}
			if ans.perr != nil {
				// The broken body is shown with the error: no secret it echoes goes along.
				ans.body = t.sec.redactBytes(ans.body)
				ans.resp.body = ans.body
				err = ans.perr
				if wr.Method == http.MethodGet && retries < st.retry.MaxRetries {
					if serr := retry("the 2xx answer is broken", st.retry.jittered(retries)); serr != nil {
						return nil, fail(serr)
					}
					retries++
					continue
				}
			}
		}
		c.logAttempt(st, t, rec, err)
		return ans, nil
	}
}

// attemptRecord is what the log says about one attempt.
type attemptRecord struct {
	n       int // 1 for the first attempt
	status  int // 0 when no answer arrived
	size    int // body bytes read
	start   time.Time
	sent    bool          // the request may have reached the server
	retry   string        // why the request is sent again ("" when it is not)
	retryIn time.Duration // the wait before it is
}

// attempt sends one HTTP request and reads its answer in full. rec.sent reports whether
// the request may have reached the server (its writing began, or an answer arrived);
// when it is false the server provably never saw it. When the body could not be read,
// the error comes with an answer holding the status and headers only. The error never
// holds the token.
func (c *Client) attempt(ctx context.Context, st *settings, t target) (ans *answer, rec attemptRecord, err error) {
	actx := ctx
	if st.timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, st.timeout)
		defer cancel()
	}
	var wrote atomic.Bool
	var inFlight *writeInFlight
	if t.wr.Method != http.MethodGet {
		inFlight = trackWrite(ctx, t.wr.Method, t.path)
		actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
			WroteHeaderField: func(string, []string) { wrote.Store(true); inFlight.sent() },
			WroteHeaders:     func() { wrote.Store(true); inFlight.sent() },
		})
	}
	var body io.Reader
	if t.wr.Body != nil {
		body = bytes.NewReader(t.wr.Body)
	}
	rec.start = time.Now()
	req, err := http.NewRequestWithContext(actx, t.wr.Method, t.url, body)
	if err != nil {
		return nil, rec, redactError(err, t.sec, t.safeURL)
	}
	h := req.Header
	h["User-Agent"] = []string{userAgent(st.uaSuffix)}
	h["Accept"] = []string{"application/json"}
	if t.wr.Body != nil {
		h["Content-Type"] = []string{"application/json"}
	}
	if t.token != "" && st.auth != AuthQuery {
		h["X-Auth-Token"] = []string{t.token}
	}
	if st.timezone != nil {
		h["X-Timezone-Client"] = []string{st.timezone.String()}
	}
	if st.language != "" {
		h["Accept-Language"] = []string{st.language}
	}
	policy := redirectPolicy{rule: t.wr.Redirects, auth: st.auth, secrets: t.sec}
	resp, err := policy.httpClient(st.client(), req.URL).Do(req)
	defer inFlight.done(ctx, resp != nil)
	if rerr := (*redirectError)(nil); errors.As(err, &rerr) {
		// A redirect the policy refused: its answer arrived, nothing went to its target.
		rec.status, rec.sent = rerr.status, true
		ans = &answer{status: rerr.status}
		if resp != nil {
			ans.header = resp.Header
		}
		return ans, rec, rerr
	}
	if err == nil {
		rec.status = resp.StatusCode
		var data []byte
		data, err = readBody(resp, st.maxBody)
		resp.Body.Close()
		data = t.sec.redactTokens(data)
		rec.size = len(data)
		if !isSuccess(resp.StatusCode) {
			// An error answer's text becomes error messages: no password it echoes either.
			data = t.sec.redactBytes(data)
		}
		ans = &answer{status: resp.StatusCode, header: resp.Header, body: data}
		if err != nil {
			ans.body = nil
			err = fmt.Errorf("reading the answer (HTTP %d): %w", resp.StatusCode, err)
		}
		rec.sent = true
	}
	if err != nil {
		if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within the request timeout of %s: %w", st.timeout, err)
		}
		err = redactError(err, t.sec, t.safeURL)
		if !rec.sent {
			rec.sent = wrote.Load()
		}
	}
	return ans, rec, err
}

// noHiddenResends is the RoundTripper under every request the client sends. net/http's
// Transport sends a request again by itself, unseen, when a reused keep-alive
// connection breaks, but only a replayable one (a GET without a body is). Each GET
// (each hop of its redirects too) reaches the Transport with an empty body the Transport
// cannot rewind, so it never does: every time a request is sent is an attempt of the
// retry policy, counted against its retries, waited for and logged. An HTTP/1.1 GET
// still goes out without a body (net/http finds it empty before writing); over HTTP/2
// its stream ends with an empty DATA frame instead of on its HEADERS frame (no content
// either way; HTTP/2's own re-sends, only of requests the server provably did not
// process, are unaffected). The http.Client above still sees no body, so it follows a
// 307 or 308 as for any GET.
type noHiddenResends struct{ rt http.RoundTripper }

// RoundTrip sends r through the Transport, a GET with a body that cannot be replayed.
func (n noHiddenResends) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil && r.Method == http.MethodGet {
		r2 := *r // a RoundTripper must not change the request it is given
		r2.Body = noReplay{}
		r = &r2
	}
	return n.rt.RoundTrip(r)
}

// noReplay is an empty body that net/http cannot rewind (it has no GetBody).
type noReplay struct{}

func (noReplay) Read([]byte) (int, error) { return 0, io.EOF }

func (noReplay) Close() error { return nil }

// readBody reads an answer's body in full, in one allocation when its length is known,
// failing with ErrResponseTooLarge past limit bytes (0 = no limit).
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	tooLarge := func() error { return fmt.Errorf("%w (%d bytes)", ErrResponseTooLarge, limit) }
	if limit > 0 {
		if resp.ContentLength > limit {
			return nil, tooLarge()
		}
		if resp.ContentLength < 0 {
			data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
			if err == nil && int64(len(data)) > limit {
				return nil, tooLarge()
			}
			return data, err
		}
	}
	if n := resp.ContentLength; n > 0 && n <= 256<<20 {
		buf := make([]byte, n)
		_, err := io.ReadFull(resp.Body, buf)
		if err != nil {
			return nil, err
		}
		return buf, nil
	}
	return io.ReadAll(resp.Body)
}

// retryableTransportError reports whether a failure without an answer may be transient.
// Certificate problems are not: retrying cannot fix them.
func retryableTransportError(err error) bool {
	var (
		unknownAuth *x509.UnknownAuthorityError
		hostname    x509.HostnameError
		invalid     x509.CertificateInvalidError
		verify      *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &unknownAuth), errors.As(err, &hostname), errors.As(err, &invalid), errors.As(err, &verify):
		return false
	case errors.Is(err, ErrResponseTooLarge):
		return false
	}
	return true
}

// logAttempt logs one HTTP attempt; err is why it failed (a transport error, or a 2xx
// body that is not valid JSON).
func (c *Client) logAttempt(st *settings, t target, rec attemptRecord, err error) {
	if st.logger == nil {
		return
	}
	level := slog.LevelInfo
	if err != nil || !isSuccess(rec.status) {
		level = slog.LevelWarn
	}
	attrs := []slog.Attr{
		slog.String("method", t.wr.Method),
		slog.String("path", clip(t.path)),
		slog.Int("status", rec.status),
		slog.Float64("duration_ms", float64(time.Since(rec.start).Microseconds())/1000),
		slog.Int("attempt", rec.n),
		slog.Int("bytes", rec.size),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", clipMiddle(t.sec.redact(strings.TrimPrefix(err.Error(), "daktela: ")))))
	}
	if rec.retry != "" {
		attrs = append(attrs, slog.String("retry", rec.retry),
			slog.Float64("retry_in_ms", float64(rec.retryIn.Microseconds())/1000))
	}
	st.logger.LogAttrs(context.Background(), level, "daktela request", attrs...)
}
