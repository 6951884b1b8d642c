package daktela

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"time"
)

// Health is the result of [Client.HealthCheck]; it marshals to the PHP connector's array
// keys.
type Health struct {
	Healthy    bool    `json:"healthy"`
	LatencyMs  float64 `json:"latency_ms"`
	StatusCode int     `json:"status_code,omitempty"`
	Error      string  `json:"error,omitempty"`
}

// whoim is the request ping and the health check send.
var whoim = wireRequest{Method: http.MethodGet, Path: "whoim.json", Kind: kindSingle}

// Ping reports whether the API answers with a 2xx status (GET whoim.json).
func (c *Client) Ping(ctx context.Context) bool { return c.HealthCheck(ctx).Healthy }

// HealthCheck calls whoim.json once (no retries, no 429 waits) and reports health (a
// 2xx answer), latency in milliseconds, and the status or, when no answer arrived, the
// error (without the token).
func (c *Client) HealthCheck(ctx context.Context) Health {
	st := c.comm.snapshot()
	st.retry = DisabledRetryConfig()
	st.rateLimit.AutoRetry = false
	start := time.Now()
	ans, err := c.roundTrip(ctx, &st, whoim, c.secretsFor(c.currentToken()))
	h := Health{LatencyMs: math.Round(float64(time.Since(start).Microseconds())/100) / 10}
	if err != nil {
		h.Error = err.Error()
		return h
	}
	h.StatusCode = ans.status
	h.Healthy = ans.status >= 200 && ans.status <= 299
	if !h.Healthy {
		h.Error = fmt.Sprintf("HTTP %d %s", ans.status, http.StatusText(ans.status))
	}
	return h
}

// Whoami returns whoim.json's answer: Record() holds the server's version and user, the
// user the token belongs to (null when the client has no token). Every token in it, such
// as user._sys.accessToken, which the server fills with the token the request used, is
// replaced by REDACTED: the client takes secrets out of every answer before it keeps
// it, and Whoami relies on that as every other request does. It is retried as reads
// are; ping and the health check are not.
func (c *Client) Whoami(ctx context.Context) (*Response, error) {
	st := c.comm.snapshot()
	return c.do(ctx, &st, whoim)
}
