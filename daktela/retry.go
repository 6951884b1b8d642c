package daktela

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// RetryConfig is how transient failures are retried: exponential backoff with jitter.
//
// Reads (GET) and idempotent writes (PUT, DELETE) are retried on RetryableStatusCodes and,
// when RetryOnConnectionError is set, on connection failures. A read whose answer has a
// 2xx status but a body that broke off or is not valid JSON is retried too (whatever
// RetryOnConnectionError says); a write with such an answer is not, since its status says
// it took effect (its error wraps [ErrBrokenAnswer]). A create (POST) is retried only
// when the request provably never reached the server (the connection could not be
// made), so a retry can never create a duplicate; a POST whose connection broke after the
// request was written, before a status arrived, fails with an error wrapping
// [ErrOutcomeUnknown].
type RetryConfig struct {
	MaxRetries             int           // retries after the first attempt (0 = none)
	BaseDelay              time.Duration // delay before the first retry
	MaxDelay               time.Duration // no delay is longer than this
	Multiplier             float64       // each delay is the previous one times this (values below 1 count as 1)
	RetryableStatusCodes   []int         // HTTP statuses that are retried (not for POST)
	RetryOnConnectionError bool          // retry when no answer arrived
}

// DefaultRetryConfig returns the PHP connector's defaults: 3 retries, 100 ms base delay,
// 10 s max, multiplier 2, statuses 408, 500, 502, 503 and 504, and connection errors.
func DefaultRetryConfig() RetryConfig {
	return RetryConfig{
		MaxRetries:             3,
		BaseDelay:              100 * time.Millisecond,
		MaxDelay:               10 * time.Second,
		Multiplier:             2,
		RetryableStatusCodes:   []int{408, 500, 502, 503, 504},
		RetryOnConnectionError: true,
	}
}

// AggressiveRetryConfig returns the PHP connector's aggressive preset: 5 retries, 50 ms
// base delay, 30 s max, multiplier 2.5, the default statuses and connection errors.
func AggressiveRetryConfig() RetryConfig {
	rc := DefaultRetryConfig()
	rc.MaxRetries = 5
	rc.BaseDelay = 50 * time.Millisecond
	rc.MaxDelay = 30 * time.Second
	rc.Multiplier = 2.5
	return rc
}

// DisabledRetryConfig returns a config that never retries (the PHP preset: the defaults
// with 0 retries).
func DisabledRetryConfig() RetryConfig {
	rc := DefaultRetryConfig()
	rc.MaxRetries = 0
	return rc
}

// DelayForAttempt returns the backoff before retry n (0 = the first retry) without
// jitter: BaseDelay × Multiplier^n, at most MaxDelay (PHP getDelayForAttempt).
func (rc RetryConfig) DelayForAttempt(n int) time.Duration {
	if rc.BaseDelay <= 0 {
		return 0
	}
	m := rc.Multiplier
	if m < 1 {
		m = 1
	}
	d := float64(rc.BaseDelay) * math.Pow(m, float64(n))
	limit := rc.MaxDelay
	if limit <= 0 {
		limit = rc.BaseDelay
	}
	if d >= float64(limit) || math.IsInf(d, 0) || math.IsNaN(d) {
		return limit
	}
	return time.Duration(d)
}

// IsRetryableStatus reports whether status is one of RetryableStatusCodes.
func (rc RetryConfig) IsRetryableStatus(status int) bool {
	return slices.Contains(rc.RetryableStatusCodes, status)
}

// jittered returns the delay before retry n with "equal jitter": half the backoff, plus a
// random part of up to the other half. It never exceeds DelayForAttempt(n).
func (rc RetryConfig) jittered(n int) time.Duration {
	d := rc.DelayForAttempt(n)
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// sleepCtx waits d or until ctx is done, whichever comes first; it returns ctx's error
// when ctx ended the wait.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
