package reliability_test

import (
	"context"
	"flag"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

var seedCount = flag.Int("seeds", 30, "how many seeds the fault matrix runs")

// fastRetries retries often with tiny delays, so a faulty run stays quick.
func fastRetries() daktela.RetryConfig {
	return daktela.RetryConfig{
		MaxRetries:             6,
		BaseDelay:              time.Millisecond,
		MaxDelay:               4 * time.Millisecond,
		Multiplier:             2,
		RetryableStatusCodes:   []int{408, 500, 502, 503, 504},
		RetryOnConnectionError: true,
	}
}

// faultTimeout is the request timeout of fault runs: "slow" answers take far longer (5 s).
// The race detector makes every answer several times slower, so a good answer must not
// run into the timeout there either.
const faultTimeout = 150*time.Millisecond + raceSlowdown*250*time.Millisecond

// faultClient returns a client for srv with fast retries, short 429 waits and a short
// request timeout.
func faultClient(srv *daktelatest.Server, auth daktela.AuthMethod) *daktela.Client {
	c := srv.Client()
	comm := c.ApiCommunicator()
	comm.SetAuthenticationMethod(auth)
	comm.SetRetryConfig(fastRetries())
	comm.SetRateLimitConfig(daktela.RateLimitConfig{AutoRetry: true, MaxWait: time.Second, DefaultWait: time.Millisecond, MaxRetries: 6})
	comm.SetRequestTimeout(faultTimeout)
	return c
}

// testCtx is a context that ends well before the test binary's own timeout.
func testCtx(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// waitFor waits (bounded) for ch and fails the test with what when it does not come.
func waitFor[T any](t *testing.T, ch <-chan T, d time.Duration, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(d):
		t.Fatalf("%s: nothing after %s", what, d)
	}
	var zero T
	return zero
}
