package daktela

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestHealthCheck(t *testing.T) {
	t.Run("healthy", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{200, nil, `{"error":[],"result":{"version":"6.20","user":{"name":"admin"}}}`})
		c := s.client()
		h := c.HealthCheck(ctxT(t))
		if !h.Healthy || h.StatusCode != 200 || h.Error != "" || h.LatencyMs < 0 {
			t.Errorf("%+v", h)
		}
		r, _ := s.request(0)
		if r.Method != "GET" || r.URL.Path != "/api/v6/whoim.json" || r.Header.Get("X-AUTH-TOKEN") != testToken {
			t.Errorf("sent %s %s", r.Method, r.URL.Path)
		}
		if !c.Ping(ctxT(t)) {
			t.Error("Ping() = false")
		}
		b, _ := json.Marshal(h)
		if !strings.Contains(string(b), `"healthy":true`) || !strings.Contains(string(b), `"latency_ms":`) || !strings.Contains(string(b), `"status_code":200`) {
			t.Errorf("JSON %s", b)
		}
	})
	t.Run("unhealthy answer, not retried", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{503, nil, ""})
		c := s.client()
		h := c.HealthCheck(ctxT(t))
		if h.Healthy || h.StatusCode != 503 || !strings.Contains(h.Error, "503") || s.count.Load() != 1 {
			t.Errorf("%+v after %d requests", h, s.count.Load())
		}
		if c.Ping(ctxT(t)) {
			t.Error("Ping() = true")
		}
	})
	t.Run("no answer, token redacted", func(t *testing.T) {
		c := NewClient(refusedURL(t), testToken)
		c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
		h := c.HealthCheck(ctxT(t))
		if h.Healthy || h.StatusCode != 0 || h.Error == "" {
			t.Errorf("%+v", h)
		}
		assertNoToken(t, "health error", h.Error)
		b, _ := json.Marshal(h)
		if strings.Contains(string(b), "status_code") {
			t.Errorf("JSON %s has a status without an answer", b)
		}
	})
	t.Run("429 is not waited out", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": "0"}, ""})
		h := s.client().HealthCheck(ctxT(t))
		if h.Healthy || h.StatusCode != http.StatusTooManyRequests || s.count.Load() != 1 {
			t.Errorf("%+v after %d requests", h, s.count.Load())
		}
	})
}
