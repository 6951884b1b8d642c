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
}

// target is where one request goes and how it is shown.
type target struct {
	wr      wireRequest
	url     string // full URL, with the token when it travels in the query
	safeURL string // full URL with the token replaced
	path    string // path below /api/v6/ with the query, never the token: for errors and logs
	token   string
}

func (c *Client) target(st *settings, wr wireRequest, token string) target {
	t := target{wr: wr, token: token, path: wr.Path}
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

// roundTrip sends wr with token and returns the final answer, whatever its status,
// after the retries and 429 waits the settings allow. The error, when there is one, is
// a *RequestError with no answer (Status 0) and Err set; it never holds the token.
func (c *Client) roundTrip(ctx context.Context, st *settings, wr wireRequest, token string) (*answer, error) {
	t := c.target(st, wr, token)
	fail := func(err error) error {
		return &RequestError{Method: wr.Method, Path: t.path, Err: err}
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
		ans, sent, err := c.attempt(ctx, st, t, attempt)
		if err != nil {
			if ctx.Err() != nil {
				return nil, fail(ctx.Err())
			}
			if wr.Method == http.MethodPost && sent {
				return nil, fail(fmt.Errorf("%w: %w", ErrOutcomeUnknown, err))
			}
			if st.retry.RetryOnConnectionError && retries < st.retry.MaxRetries && retryableTransportError(err) {
				if serr := sleepCtx(ctx, st.retry.jittered(retries)); serr != nil {
					return nil, fail(serr)
				}
				retries++
				continue
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
				if serr := sleepCtx(ctx, wait); serr != nil {
					return nil, fail(serr)
				}
				waits++
				continue
			}
			return ans, nil
		}
		if wr.Method != http.MethodPost && retries < st.retry.MaxRetries && st.retry.IsRetryableStatus(ans.status) {
			if serr := sleepCtx(ctx, st.retry.jittered(retries)); serr != nil {
				return nil, fail(serr)
			}
			retries++
			continue
		}
		return ans, nil
	}
}

// attempt sends one HTTP request and reads its answer in full. sent reports whether the
// request may have reached the server (its writing began, or an answer arrived); when it
// is false the server provably never saw it. The error never holds the token.
func (c *Client) attempt(ctx context.Context, st *settings, t target, n int) (ans *answer, sent bool, err error) {
	actx := ctx
	if st.timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, st.timeout)
		defer cancel()
	}
	var wrote atomic.Bool
	if t.wr.Method == http.MethodPost {
		actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
			WroteHeaderField: func(string, []string) { wrote.Store(true) },
			WroteHeaders:     func() { wrote.Store(true) },
		})
	}
	var body io.Reader
	if t.wr.Body != nil {
		body = bytes.NewReader(t.wr.Body)
	}
	start := time.Now()
	req, err := http.NewRequestWithContext(actx, t.wr.Method, t.url, body)
	if err != nil {
		err = redactError(err, t.token, t.safeURL)
		c.logAttempt(st, t, 0, 0, start, n, err)
		return nil, false, err
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
	resp, err := st.client().Do(req)
	status, size := 0, 0
	if err == nil {
		status = resp.StatusCode
		var data []byte
		data, err = readBody(resp, st.maxBody)
		resp.Body.Close()
		size = len(data)
		if err == nil {
			ans = &answer{status: resp.StatusCode, header: resp.Header, body: data}
		} else {
			err = fmt.Errorf("reading the answer (HTTP %d): %w", resp.StatusCode, err)
		}
		sent = true
	}
	if err != nil {
		if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within the request timeout of %s: %w", st.timeout, err)
		}
		err = redactError(err, t.token, t.safeURL)
		if !sent {
			sent = wrote.Load()
		}
	}
	c.logAttempt(st, t, status, size, start, n, err)
	return ans, sent, err
}

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

// logAttempt logs one HTTP attempt: status is 0 when no answer arrived, size the body
// bytes read.
func (c *Client) logAttempt(st *settings, t target, status, size int, start time.Time, n int, err error) {
	if st.logger == nil {
		return
	}
	level := slog.LevelInfo
	if err != nil || status < 200 || status > 299 {
		level = slog.LevelWarn
	}
	attrs := []slog.Attr{
		slog.String("method", t.wr.Method),
		slog.String("path", t.path),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		slog.Int("attempt", n),
		slog.Int("bytes", size),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", redactString(err.Error(), t.token)))
	}
	st.logger.LogAttrs(context.Background(), level, "daktela request", attrs...)
}
