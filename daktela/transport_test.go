package daktela

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fastRetries is DefaultRetryConfig with millisecond delays, for tests.
func fastRetries() RetryConfig {
	rc := DefaultRetryConfig()
	rc.BaseDelay, rc.MaxDelay = time.Millisecond, 2*time.Millisecond
	return rc
}

// scripted serves the answers in order (the last one repeats) and counts requests.
type scripted struct {
	*httptest.Server
	count atomic.Int32
	mu    sync.Mutex
	got   []*http.Request
	body  [][]byte
}

type cannedAnswer struct {
	status int
	header map[string]string
	body   string
}

func newScripted(t *testing.T, answers ...cannedAnswer) *scripted {
	t.Helper()
	s := &scripted{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		n := int(s.count.Add(1))
		s.mu.Lock()
		s.got = append(s.got, r)
		s.body = append(s.body, b)
		s.mu.Unlock()
		a := answers[min(n, len(answers))-1]
		for k, v := range a.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(a.status)
		io.WriteString(w, a.body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *scripted) request(i int) (*http.Request, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.got[i], s.body[i]
}

func (s *scripted) client() *Client {
	c := NewClient(s.URL, testToken)
	c.ApiCommunicator().SetRetryConfig(fastRetries())
	return c
}

const okList = `{"error":[],"result":{"data":[{"name":"a"},{"name":"b"}],"total":2},"_time":"2026-01-02 10:11:12"}`

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"my.daktela.com":          "https://my.daktela.com",
		"my.daktela.com/":         "https://my.daktela.com",
		"https://my.daktela.com/": "https://my.daktela.com",
		"http://127.0.0.1:8080":   "http://127.0.0.1:8080",
		" https://x.example/ ":    "https://x.example",
	} {
		if got := NewClient(in, "t").BaseURL(); got != want {
			t.Errorf("NewClient(%q).BaseURL() = %q, want %q", in, got, want)
		}
	}
}

func TestGetInstance(t *testing.T) {
	const n = 16
	got := make([]*Client, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			url := "getinstance.example"
			if i%2 == 1 {
				url = "https://getinstance.example/"
			}
			got[i] = GetInstance(url, "tok-a")
		}()
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("GetInstance gave different clients for the same instance and token")
		}
	}
	if GetInstance("getinstance.example", "tok-b") == got[0] {
		t.Error("GetInstance gave the same client for another token")
	}
	if NewClient("getinstance.example", "tok-a") == got[0] {
		t.Error("NewClient returned the shared instance")
	}
}

func TestExecuteSendsWhatTheAPIExpects(t *testing.T) {
	s := newScripted(t, cannedAnswer{201, nil, `{"error":[],"result":{"name":"u1","title":"Ann"},"_time":"x"}`})
	c := s.client()
	c.ApiCommunicator().SetUserAgentSuffix("nightly-sync/2")
	resp, err := c.Execute(ctxT(t), BuildCreateRequest("Users").AddAttribute("title", "Ann"))
	if err != nil {
		t.Fatal(err)
	}
	r, body := s.request(0)
	if r.Method != "POST" || r.URL.Path != "/api/v6/users.json" {
		t.Errorf("sent %s %s", r.Method, r.URL.Path)
	}
	for h, want := range map[string]string{
		"X-AUTH-TOKEN": testToken,
		"User-Agent":   "dkscript/" + Version + " nightly-sync/2",
		"Content-Type": "application/json",
		"Accept":       "application/json",
	} {
		if got := r.Header.Get(h); got != want {
			t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
	if r.URL.Query().Has("accessToken") {
		t.Error("token in the query in header mode")
	}
	var sent map[string]any
	if err := json.Unmarshal(body, &sent); err != nil || sent["title"] != "Ann" {
		t.Errorf("body %s (%v)", body, err)
	}
	var rec struct{ Name, Title string }
	if err := resp.Record().Decode(&rec); err != nil || rec.Name != "u1" || resp.HTTPStatus() != 201 {
		t.Errorf("record %+v status %d err %v", rec, resp.HTTPStatus(), err)
	}
}

func TestGetHasNoContentType(t *testing.T) {
	s := newScripted(t, cannedAnswer{200, nil, okList})
	if _, err := s.client().Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
		t.Fatal(err)
	}
	r, _ := s.request(0)
	if ct := r.Header.Get("Content-Type"); ct != "" {
		t.Errorf("GET sent Content-Type %q", ct)
	}
	if ua := r.Header.Get("User-Agent"); ua != "dkscript/"+Version {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestQueryAuthentication(t *testing.T) {
	s := newScripted(t, cannedAnswer{200, nil, okList})
	c := s.client()
	c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
	resp, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := s.request(0)
	if got := r.URL.Query().Get("accessToken"); got != testToken {
		t.Errorf("accessToken = %q", got)
	}
	if r.Header.Get("X-AUTH-TOKEN") != "" {
		t.Error("X-AUTH-TOKEN header sent in query mode")
	}
	if len(resp.Records()) != 2 {
		t.Errorf("%d records", len(resp.Records()))
	}
}

func TestNon2xxAnswersAreTypedErrors(t *testing.T) {
	t.Run("404", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{404, nil, `{"error":["Object not exist"],"result":null}`})
		_, err := s.client().Execute(ctxT(t), BuildReadSingleRequest("Users", "nobody"))
		var nf *NotFoundError
		if !errors.As(err, &nf) {
			t.Fatalf("error %v (%T)", err, err)
		}
		var re *RequestError
		if !errors.As(err, &re) || re.Status != 404 || re.Method != "GET" || re.Path != "users/nobody.json" {
			t.Errorf("request error %+v", re)
		}
		if msgs := re.Errors.Messages(); len(msgs) != 1 || msgs[0] != "Object not exist" {
			t.Errorf("messages %q", msgs)
		}
		if re.Response == nil || re.Response.HTTPStatus() != 404 {
			t.Error("no response on the error")
		}
		if s.count.Load() != 1 {
			t.Errorf("404 sent %d times", s.count.Load())
		}
	})
	t.Run("400 with the path and query", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{400, nil, `{"error":{"form":{"title":"Item is mandatory"}},"result":null}`})
		c := s.client()
		c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users").SetTake(5))
		var re *RequestError
		if !errors.As(err, &re) || re.Status != 400 {
			t.Fatalf("error %v", err)
		}
		if !strings.HasPrefix(re.Path, "users.json?") || !strings.Contains(re.Path, "take=5") || strings.Contains(re.Path, "accessToken") {
			t.Errorf("path %q", re.Path)
		}
		if !strings.Contains(err.Error(), "Item is mandatory") || strings.Contains(err.Error(), testToken) {
			t.Errorf("message %q", err)
		}
	})
	t.Run("HTML from a proxy", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{502, nil, `<html><body>Bad Gateway</body></html>`})
		c := s.client()
		c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		var re *RequestError
		if !errors.As(err, &re) || re.Status != 502 {
			t.Fatalf("error %v", err)
		}
	})
}

func TestDeleteAnswered204(t *testing.T) {
	s := newScripted(t, cannedAnswer{204, nil, ""})
	resp, err := s.client().Execute(ctxT(t), BuildDeleteRequest("Users").SetObjectName("u1"))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := s.request(0)
	if r.Method != "DELETE" || r.URL.Path != "/api/v6/users/u1.json" || resp.HTTPStatus() != 204 {
		t.Errorf("%s %s → %d", r.Method, r.URL.Path, resp.HTTPStatus())
	}
}

func TestRequestMistakesAreReturnedBeforeSending(t *testing.T) {
	s := newScripted(t, cannedAnswer{200, nil, okList})
	c := s.client()
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users").SetTake(5000)); err == nil {
		t.Error("take 5000 accepted")
	}
	var nilReq *ReadRequest
	if _, err := c.Execute(ctxT(t), nilReq); err == nil {
		t.Error("nil request accepted")
	}
	if _, err := c.Execute(ctxT(t), BuildDeleteRequest("Users")); err == nil {
		t.Error("delete without an object name accepted")
	}
	if n := s.count.Load(); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestRetriesOnStatus(t *testing.T) {
	t.Run("GET retried until it succeeds", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{503, nil, ""}, cannedAnswer{502, nil, ""}, cannedAnswer{200, nil, okList})
		resp, err := s.client().Execute(ctxT(t), BuildReadRequest("Users"))
		if err != nil || len(resp.Records()) != 2 || s.count.Load() != 3 {
			t.Fatalf("err %v after %d requests", err, s.count.Load())
		}
	})
	t.Run("GET gives up after MaxRetries", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{503, nil, `{"error":["down"],"result":null}`})
		_, err := s.client().Execute(ctxT(t), BuildReadRequest("Users"))
		var re *RequestError
		if !errors.As(err, &re) || re.Status != 503 || s.count.Load() != 4 {
			t.Fatalf("err %v after %d requests, want 503 after 4", err, s.count.Load())
		}
	})
	t.Run("PUT and DELETE are retried", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{500, nil, ""}, cannedAnswer{200, nil, `{"error":[],"result":{"name":"u"}}`})
		if _, err := s.client().Execute(ctxT(t), BuildUpdateRequest("Users").SetObjectName("u").AddAttribute("a", "b")); err != nil {
			t.Fatal(err)
		}
		if s.count.Load() != 2 {
			t.Errorf("%d requests", s.count.Load())
		}
	})
	t.Run("POST is not retried on an answer", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{503, nil, ""}, cannedAnswer{201, nil, `{"error":[],"result":{}}`})
		_, err := s.client().Execute(ctxT(t), BuildCreateRequest("Users").AddAttribute("a", "b"))
		var re *RequestError
		if !errors.As(err, &re) || re.Status != 503 || s.count.Load() != 1 {
			t.Fatalf("err %v after %d requests, want 503 after 1", err, s.count.Load())
		}
	})
	t.Run("non-retryable status", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{403, nil, `{"error":["Forbidden"],"result":null}`})
		_, err := s.client().Execute(ctxT(t), BuildReadRequest("Users"))
		if err == nil || s.count.Load() != 1 {
			t.Fatalf("err %v after %d requests", err, s.count.Load())
		}
	})
}

func TestRetryBackoffBounded(t *testing.T) {
	rc := RetryConfig{MaxRetries: 10, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second, Multiplier: 2}
	want := []time.Duration{100, 200, 400, 800, 1000, 1000}
	for i, w := range want {
		if got := rc.DelayForAttempt(i); got != w*time.Millisecond {
			t.Errorf("DelayForAttempt(%d) = %v, want %v", i, got, w*time.Millisecond)
		}
		for range 20 {
			if j := rc.jittered(i); j < w*time.Millisecond/2 || j > w*time.Millisecond {
				t.Fatalf("jittered(%d) = %v outside [%v, %v]", i, j, w*time.Millisecond/2, w*time.Millisecond)
			}
		}
	}
	if d := rc.DelayForAttempt(5000); d != time.Second {
		t.Errorf("DelayForAttempt(5000) = %v", d)
	}
}

func TestRetryPresetsMatchThePHPConnector(t *testing.T) {
	d := DefaultRetryConfig()
	if d.MaxRetries != 3 || d.BaseDelay != 100*time.Millisecond || d.MaxDelay != 10*time.Second || d.Multiplier != 2 ||
		fmt.Sprint(d.RetryableStatusCodes) != "[408 500 502 503 504]" || !d.RetryOnConnectionError {
		t.Errorf("default %+v", d)
	}
	a := AggressiveRetryConfig()
	if a.MaxRetries != 5 || a.BaseDelay != 50*time.Millisecond || a.MaxDelay != 30*time.Second || a.Multiplier != 2.5 {
		t.Errorf("aggressive %+v", a)
	}
	if DisabledRetryConfig().MaxRetries != 0 {
		t.Error("disabled retries")
	}
	if r := DefaultRateLimitConfig(); !r.AutoRetry || r.MaxWait != 60*time.Second || r.DefaultWait != 5*time.Second {
		t.Errorf("rate limit %+v", r)
	}
}

func TestRateLimit(t *testing.T) {
	fastRL := RateLimitConfig{AutoRetry: true, MaxWait: time.Second, DefaultWait: time.Millisecond}
	t.Run("Retry-After 0 is honoured", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": "0"}, ""}, cannedAnswer{200, nil, okList})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(fastRL)
		if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil || s.count.Load() != 2 {
			t.Fatalf("err %v after %d requests", err, s.count.Load())
		}
	})
	t.Run("no Retry-After waits DefaultWait; POST too", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, nil, ""}, cannedAnswer{201, nil, `{"error":[],"result":{"name":"x"}}`})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(fastRL)
		if _, err := c.Execute(ctxT(t), BuildCreateRequest("Users").AddAttribute("a", 1)); err != nil || s.count.Load() != 2 {
			t.Fatalf("err %v after %d requests", err, s.count.Load())
		}
	})
	t.Run("HTTP date in the past", func(t *testing.T) {
		past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": past}, ""}, cannedAnswer{200, nil, okList})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(fastRL)
		if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil || s.count.Load() != 2 {
			t.Fatalf("err %v after %d requests", err, s.count.Load())
		}
	})
	t.Run("longer than MaxWait fails at once", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": "120"}, `{"error":["Too many requests"],"result":null}`})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(fastRL)
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		var rl *RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter != 120*time.Second || rl.RetryAfterSeconds() != 120 || rl.Status != 429 {
			t.Fatalf("error %v", err)
		}
		if s.count.Load() != 1 {
			t.Errorf("%d requests", s.count.Load())
		}
	})
	t.Run("HTTP date beyond MaxWait", func(t *testing.T) {
		later := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": later}, ""})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(fastRL)
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		var rl *RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter < 59*time.Minute || s.count.Load() != 1 {
			t.Fatalf("error %v after %d requests", err, s.count.Load())
		}
	})
	t.Run("bounded attempts", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": "0"}, ""})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(fastRL)
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		var rl *RateLimitError
		if !errors.As(err, &rl) || s.count.Load() != 1+DefaultRateLimitRetries {
			t.Fatalf("error %v after %d requests", err, s.count.Load())
		}
		rlc := fastRL
		rlc.MaxRetries = 1
		c.ApiCommunicator().SetRateLimitConfig(rlc)
		s.count.Store(0)
		if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); !errors.As(err, &rl) || s.count.Load() != 2 {
			t.Fatalf("error %v after %d requests, want 2", err, s.count.Load())
		}
	})
	t.Run("AutoRetry off", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": "7"}, ""})
		c := s.client()
		c.ApiCommunicator().SetRateLimitConfig(RateLimitConfig{})
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		var rl *RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second || s.count.Load() != 1 {
			t.Fatalf("error %v after %d requests", err, s.count.Load())
		}
	})
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"5", 5 * time.Second, true},
		{" 12 ", 12 * time.Second, true},
		{"-3", 0, true},
		{"Fri, 02 Jan 2026 10:00:30 GMT", 30 * time.Second, true},
		{"Fri, 02 Jan 2026 09:00:00 GMT", 0, true},
		{"soon", 0, false},
		{"99999999999999999999", maxRetryAfter, true}, // too large for int64: longer than any wait
		{"9223372036", maxRetryAfter, true},
		{"-99999999999999999999", 0, false},
	} {
		got, ok := parseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestRetryAfterTooLargeIsNotMissing: a 429 whose Retry-After is too large to parse
// asks for longer than the maximum wait: the request ends at once with a
// RateLimitError (not waited out with the default wait as if the header were missing),
// and its seconds do not overflow.
func TestRetryAfterTooLargeIsNotMissing(t *testing.T) {
	s := newScripted(t, cannedAnswer{status: 429, header: map[string]string{"Retry-After": "99999999999999999999"}, body: `{"error":["slow down"]}`})
	c := s.client()
	c.ApiCommunicator().SetRateLimitConfig(RateLimitConfig{AutoRetry: true, MaxWait: time.Minute, DefaultWait: time.Millisecond})
	_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != maxRetryAfter || rl.RetryAfterSeconds() <= 0 {
		t.Fatalf("error %v, want a RateLimitError asking for the longest wait", err)
	}
	if n := s.count.Load(); n != 1 {
		t.Errorf("%d requests: a Retry-After beyond the maximum wait must not be waited out", n)
	}
}

// hijackServer answers every request by reading it in full and then breaking the
// connection: reset (RST) when reset is set, closed otherwise.
func hijackServer(t *testing.T, reset bool) (*httptest.Server, *atomic.Int32) {
	var count atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		count.Add(1)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		if tc, ok := conn.(*net.TCPConn); ok && reset {
			tc.SetLinger(0)
		}
		conn.Close()
	}))
	t.Cleanup(s.Close)
	return s, &count
}

// assertNoToken fails when the token shows in any text.
func assertNoToken(t *testing.T, what string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(s, testToken) || strings.Contains(s, "SECRET") {
			t.Errorf("%s shows the token: %s", what, s)
		}
	}
}

func TestTokenRedactedFromTransportErrors(t *testing.T) {
	for _, mode := range []AuthMethod{AuthQuery, AuthHeader} {
		t.Run(string(mode), func(t *testing.T) {
			s, count := hijackServer(t, true)
			c := NewClient(s.URL, testToken)
			c.ApiCommunicator().SetAuthenticationMethod(mode)
			c.ApiCommunicator().SetRetryConfig(fastRetries())
			var logs bytes.Buffer
			c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
			_, err := c.Execute(ctxT(t), BuildReadRequest("Users").AddAdditionalQueryParameter("q", "x"))
			if err == nil {
				t.Fatal("no error from a server that resets connections")
			}
			var re *RequestError
			if !errors.As(err, &re) || re.Status != 0 || re.Err == nil {
				t.Fatalf("error %v (%T)", err, err)
			}
			if got := count.Load(); got != 4 {
				t.Errorf("GET sent %d times, want 1 + 3 retries on connection errors", got)
			}
			assertNoToken(t, "error", err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", re.Err), re.Path, logs.String())
			if mode == AuthQuery && !strings.Contains(err.Error(), "accessToken="+redacted) {
				t.Errorf("error does not show where the token was: %v", err)
			}
			if n := strings.Count(logs.String(), "daktela request"); n != 4 {
				t.Errorf("%d log entries, want 4:\n%s", n, logs.String())
			}
		})
	}
}

func TestTokenRedactedFromBadURL(t *testing.T) {
	c := NewClient("https://bad host.example", testToken)
	c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
	_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if err == nil {
		t.Fatal("no error for a bad URL")
	}
	assertNoToken(t, "error", err.Error(), fmt.Sprintf("%+v", err))
}

func TestRedactError(t *testing.T) {
	inner := fmt.Errorf("dial: %w", context.DeadlineExceeded)
	wrapped := fmt.Errorf("while at https://x/?accessToken=%s: %w", testToken, inner)
	r := redactError(wrapped, newSecrets(testToken), "https://x/?accessToken=REDACTED")
	assertNoToken(t, "redacted error", r.Error(), fmt.Sprintf("%+v", r))
	if !errors.Is(r, context.DeadlineExceeded) {
		t.Error("redaction lost the deadline")
	}
	if plain := errors.New("plain"); redactError(plain, newSecrets(testToken), "") != plain {
		t.Error("an error without the token was changed")
	}
}

func TestPostNotRetriedAfterTheBodyWasSent(t *testing.T) {
	s, count := hijackServer(t, false)
	c := NewClient(s.URL, testToken)
	c.ApiCommunicator().SetRetryConfig(fastRetries())
	_, err := c.Execute(ctxT(t), BuildCreateRequest("Users").AddAttribute("title", "Ann"))
	if !errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("error %v, want ErrOutcomeUnknown", err)
	}
	if got := count.Load(); got != 1 {
		t.Errorf("POST reached the server %d times, want 1", got)
	}
	var re *RequestError
	if !errors.As(err, &re) || re.Method != "POST" || re.Status != 0 {
		t.Errorf("request error %+v", re)
	}
	// A PUT to the same server is retried: it is idempotent.
	count.Store(0)
	if _, err := c.Execute(ctxT(t), BuildUpdateRequest("Users").SetObjectName("u").AddAttribute("a", "b")); err == nil || errors.Is(err, ErrOutcomeUnknown) {
		t.Errorf("PUT error %v", err)
	}
	if got := count.Load(); got != 4 {
		t.Errorf("PUT sent %d times, want 4", got)
	}
}

// refusedURL returns the URL of a 127.0.0.1 port nothing listens on.
func refusedURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func TestPostRetriedWhenItNeverReachedTheServer(t *testing.T) {
	c := NewClient(refusedURL(t), testToken)
	c.ApiCommunicator().SetRetryConfig(fastRetries())
	c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
	var logs bytes.Buffer
	c.ApiCommunicator().SetLogger(slog.New(slog.NewJSONHandler(&logs, nil)))
	_, err := c.Execute(ctxT(t), BuildCreateRequest("Users").AddAttribute("title", "Ann"))
	if err == nil || errors.Is(err, ErrOutcomeUnknown) {
		t.Fatalf("error %v, want a plain connection error", err)
	}
	var attempts []int
	sc := bufio.NewScanner(&logs)
	for sc.Scan() {
		var e struct {
			Attempt int
			Status  int
			Error   string
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if e.Error == "" || e.Status != 0 {
			t.Errorf("entry %s", sc.Text())
		}
		attempts = append(attempts, e.Attempt)
	}
	if fmt.Sprint(attempts) != "[1 2 3 4]" {
		t.Errorf("attempts %v, want [1 2 3 4]", attempts)
	}
	assertNoToken(t, "error", err.Error(), logs.String())
}

func TestLoggerEntries(t *testing.T) {
	s := newScripted(t, cannedAnswer{503, nil, "busy"}, cannedAnswer{200, nil, okList})
	c := s.client()
	var logs bytes.Buffer
	c.ApiCommunicator().SetLogger(slog.New(slog.NewJSONHandler(&logs, nil)))
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var e map[string]any
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	if len(entries) != 2 {
		t.Fatalf("%d entries", len(entries))
	}
	for i, want := range []struct {
		level  string
		status float64
		bytes  float64
	}{{"WARN", 503, 4}, {"INFO", 200, float64(len(okList))}} {
		e := entries[i]
		if e["level"] != want.level || e["status"] != want.status || e["bytes"] != want.bytes ||
			e["attempt"] != float64(i+1) || e["method"] != "GET" || !strings.HasPrefix(e["path"].(string), "users.json") {
			t.Errorf("entry %d: %v", i, e)
		}
		if _, ok := e["duration_ms"].(float64); !ok {
			t.Errorf("entry %d has no duration_ms", i)
		}
	}
	c.ApiCommunicator().SetLogger(nil)
	logs.Reset()
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil || logs.Len() != 0 {
		t.Errorf("logged after SetLogger(nil): %q (err %v)", logs.String(), err)
	}
}

func TestCancellation(t *testing.T) {
	t.Run("during a request", func(t *testing.T) {
		arrived := make(chan struct{}, 1)
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			arrived <- struct{}{}
			<-r.Context().Done()
		}))
		defer s.Close()
		ctx, cancel := context.WithCancel(context.Background())
		go func() { <-arrived; cancel() }()
		_, err := NewClient(s.URL, testToken).Execute(ctx, BuildReadRequest("Users"))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error %v, want context.Canceled", err)
		}
	})
	t.Run("during a retry wait", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{503, nil, ""})
		c := NewClient(s.URL, testToken)
		c.ApiCommunicator().SetRetryConfig(RetryConfig{MaxRetries: 3, BaseDelay: time.Hour, MaxDelay: time.Hour, RetryableStatusCodes: []int{503}})
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := c.Execute(ctx, BuildReadRequest("Users"))
		if !errors.Is(err, context.DeadlineExceeded) || s.count.Load() != 1 {
			t.Fatalf("error %v after %d requests", err, s.count.Load())
		}
	})
	t.Run("during a 429 wait", func(t *testing.T) {
		s := newScripted(t, cannedAnswer{429, map[string]string{"Retry-After": "30"}, ""})
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := s.client().Execute(ctx, BuildReadRequest("Users"))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("during a multi-page read", func(t *testing.T) {
		ps := newPageServer(t, pagesConfig{records: 100000, delay: 5 * time.Millisecond})
		ctx, cancel := context.WithCancel(context.Background())
		c := ps.client()
		c.ApiCommunicator().SetProgress(func(p Progress) {
			if p.Read >= 3000 {
				cancel()
			}
		})
		_, err := c.Execute(ctx, readAllReq(1000))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error %v", err)
		}
		// The three pages read and at most the pages that were in flight then.
		if n := ps.count.Load(); n > 3+ReadAllConcurrency {
			t.Errorf("%d requests after cancelling at page 3 (%d pages in flight at most)", n, ReadAllConcurrency)
		}
	})
}

func TestRequestTimeout(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer s.Close()
	c := NewClient(s.URL, testToken)
	c.ApiCommunicator().SetRequestTimeout(20 * time.Millisecond)
	c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
	_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if err == nil || !strings.Contains(err.Error(), "request timeout") {
		t.Fatalf("error %v", err)
	}
	if c.ApiCommunicator().RequestTimeout() != 20*time.Millisecond || NewClient("x", "y").ApiCommunicator().RequestTimeout() != 30*time.Second {
		t.Error("timeout getters")
	}
}

func TestRateCap(t *testing.T) {
	s := newScripted(t, cannedAnswer{200, nil, okList})
	c := s.client()
	c.ApiCommunicator().SetRateCap(0.001) // one request, then one per 1000 s
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Execute(ctx, BuildReadRequest("Users"))
	if err == nil || !strings.Contains(err.Error(), "rate cap") || s.count.Load() != 1 {
		t.Fatalf("error %v after %d requests", err, s.count.Load())
	}
	c.ApiCommunicator().SetRateCap(0)
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
		t.Fatalf("after removing the cap: %v", err)
	}
}

func TestDryRun(t *testing.T) {
	s := newScripted(t, cannedAnswer{200, nil, okList})
	c := s.client()
	c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
	var intents []WriteIntent
	if c.ApiCommunicator().DryRun() {
		t.Error("DryRun() before SetDryRun")
	}
	c.ApiCommunicator().SetDryRun(func(w WriteIntent) { intents = append(intents, w) })
	if !c.ApiCommunicator().DryRun() {
		t.Error("DryRun() false after SetDryRun")
	}
	ctx := ctxT(t)
	resp, err := c.Execute(ctx, BuildCreateRequest("Users").AddAttribute("title", "Ann"))
	if err != nil || !resp.DryRun() || resp.HTTPStatus() != 201 {
		t.Fatalf("create: %v %+v", err, resp)
	}
	var rec struct{ Title string }
	if err := resp.Record().Decode(&rec); err != nil || rec.Title != "Ann" {
		t.Errorf("echoed record %s", resp.Record())
	}
	if _, err := c.Execute(ctx, BuildUpdateRequest("Users").SetObjectName("u1").AddAttribute("title", "Bo")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Execute(ctx, BuildDeleteRequest("Users").SetObjectName("u1")); err != nil {
		t.Fatal(err)
	}
	// The update read the record (one GET); no write was sent.
	if s.count.Load() != 1 {
		t.Fatalf("%d requests sent in dry-run mode, want the update's read only", s.count.Load())
	}
	if r, _ := s.request(0); r.Method != "GET" || r.URL.Path != "/api/v6/users/u1.json" {
		t.Errorf("the update's read: %s %s", r.Method, r.URL.Path)
	}
	if len(intents) != 3 || intents[0].Method != "POST" || intents[0].Path != "users.json" || !strings.Contains(string(intents[0].Body), "Ann") ||
		intents[1].Method != "PUT" || intents[1].Path != "users/u1.json" || intents[2].Method != "DELETE" || intents[2].Body != nil {
		t.Errorf("intents %+v", intents)
	}
	for _, w := range intents {
		assertNoToken(t, "intent", w.Path)
	}
	if resp, err := c.Execute(ctx, BuildReadRequest("Users")); err != nil || resp.DryRun() || s.count.Load() != 2 {
		t.Errorf("reads must run in dry-run mode: %v", err)
	}
	c.ApiCommunicator().SetDryRun(nil)
	if c.ApiCommunicator().DryRun() {
		t.Error("DryRun() after SetDryRun(nil)")
	}
}

func TestSettingsAreSnapshotted(t *testing.T) {
	release, arrived := make(chan struct{}), make(chan struct{})
	var uas sync.Map
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("q") == "slow" {
			close(arrived)
			<-release
		}
		uas.Store(r.URL.Query().Get("q"), r.Header.Get("User-Agent"))
		io.WriteString(w, okList)
	}))
	defer s.Close()
	c := NewClient(s.URL, testToken)
	done := make(chan error)
	go func() {
		_, err := c.Execute(context.Background(), BuildReadRequest("Users").AddAdditionalQueryParameter("q", "slow"))
		done <- err
	}()
	<-arrived
	c.ApiCommunicator().SetUserAgentSuffix("later")
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if ua, _ := uas.Load("slow"); ua != "dkscript/"+Version {
		t.Errorf("request under way picked up a later setting: %v", ua)
	}
	if c.ApiCommunicator().UserAgent() != "dkscript/"+Version+" later" {
		t.Errorf("UserAgent() = %q", c.ApiCommunicator().UserAgent())
	}
}

func TestCustomHTTPClientAndTLS(t *testing.T) {
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, okList) }))
	s.Config.ErrorLog = log.New(io.Discard, "", 0) // the rejected handshake is expected
	s.StartTLS()
	defer s.Close()
	c := NewClient(s.URL, testToken)
	c.ApiCommunicator().SetRetryConfig(fastRetries())
	_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if err == nil {
		t.Fatal("self-signed certificate accepted with verification on")
	}
	c.ApiCommunicator().SetVerifySsl(false)
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
		t.Fatalf("with verification off: %v", err)
	}
	c.ApiCommunicator().SetVerifySsl(true)
	c.ApiCommunicator().SetHTTPClient(s.Client())
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
		t.Fatalf("with the server's own client: %v", err)
	}
}
