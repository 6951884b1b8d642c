package daktela

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RateLimitConfig is how HTTP 429 answers are handled.
//
// With AutoRetry, a 429 answer is waited out as its Retry-After header asks (seconds or
// an HTTP date; "0" means retry at once), or DefaultWait when it has none, and the
// request is sent again, at most MaxRetries times in a row. An answer that asks for
// longer than MaxWait ends the request at once with a [*RateLimitError]. A 429 means the
// server declined the request, so creates (POST) are waited out too.
type RateLimitConfig struct {
	AutoRetry   bool          // wait and retry
	MaxWait     time.Duration // never wait longer than this for one answer
	DefaultWait time.Duration // wait this long when Retry-After is missing
	// MaxRetries bounds how many 429 answers in a row are waited out for one request
	// (0 means DefaultRateLimitRetries).
	MaxRetries int
}

// DefaultRateLimitRetries is how many 429 answers in a row are waited out when
// RateLimitConfig.MaxRetries is 0.
const DefaultRateLimitRetries = 3

// DefaultRateLimitConfig returns the PHP connector's defaults: auto retry, 60 s max, 5 s
// default.
func DefaultRateLimitConfig() RateLimitConfig {
	return RateLimitConfig{AutoRetry: true, MaxWait: 60 * time.Second, DefaultWait: 5 * time.Second}
}

func (rc RateLimitConfig) maxRetries() int {
	if rc.MaxRetries <= 0 {
		return DefaultRateLimitRetries
	}
	return rc.MaxRetries
}

// maxRetryAfter is the longest wait a Retry-After header can ask for: far longer than
// any MaxWait, and small enough to add a second to without overflowing.
const maxRetryAfter = time.Duration(1<<62) / time.Second * time.Second

// parseRetryAfter reads a Retry-After header: whole seconds or an HTTP date. ok is false
// when the header is missing or unreadable. A date in the past gives 0; a number of
// seconds too large to represent gives maxRetryAfter (it asks for longer than any
// wait, so it is not taken as missing, which would mean the default wait).
func parseRetryAfter(v string, now time.Time) (wait time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err == nil || errors.Is(err, strconv.ErrRange) && v[0] != '-' {
		const maxSecs = int64(maxRetryAfter / time.Second)
		if secs < 0 {
			secs = 0
		}
		if err != nil || secs > maxSecs {
			secs = maxSecs
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}
