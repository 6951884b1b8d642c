package daktela

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dkscript/dkscript/daktela/rawjson"
)

// brokenBodies are 2xx bodies a proxy or a dropped connection can leave a read with.
var brokenBodies = map[string]string{
	"truncated": okList[:len(okList)/2],
	"not JSON":  "<html>Service temporarily unavailable</html>",
	"empty":     "",
}

// logEntry is one JSON log line of a client's logger.
type logEntry struct {
	Level     string
	Attempt   int
	Status    int
	Error     string
	Retry     string
	RetryInMs *float64 `json:"retry_in_ms"`
}

func parseLog(t *testing.T, logs *bytes.Buffer) []logEntry {
	t.Helper()
	var out []logEntry
	sc := bufio.NewScanner(logs)
	for sc.Scan() {
		var e logEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		out = append(out, e)
	}
	return out
}

// A read whose 2xx answer is broken is sent again like one with a retryable status; the
// log entry of each broken attempt says why it was sent again.
func TestReadWithBrokenAnswerIsRetried(t *testing.T) {
	for name, body := range brokenBodies {
		t.Run(name, func(t *testing.T) {
			s := newScripted(t, cannedAnswer{status: 200, body: body}, cannedAnswer{status: 200, body: body}, cannedAnswer{status: 200, body: okList})
			c := s.client()
			c.ApiCommunicator().SetAuthenticationMethod(AuthQuery)
			var logs bytes.Buffer
			c.ApiCommunicator().SetLogger(slog.New(slog.NewJSONHandler(&logs, nil)))
			resp, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Records()) != 2 || s.count.Load() != 3 {
				t.Errorf("%d records after %d requests, want 2 after 3", len(resp.Records()), s.count.Load())
			}
			entries := parseLog(t, &logs)
			if len(entries) != 3 {
				t.Fatalf("%d log entries, want 3:\n%s", len(entries), logs.String())
			}
			for i, e := range entries[:2] {
				if e.Attempt != i+1 || e.Status != 200 || e.Level != "WARN" || e.Retry != "the 2xx answer is broken" ||
					e.RetryInMs == nil || e.Error == "" {
					t.Errorf("entry %d: %+v, want a warning with the parse error and why it is retried", i, e)
				}
				assertNoToken(t, "log", e.Error)
			}
			if last := entries[2]; last.Attempt != 3 || last.Level != "INFO" || last.Retry != "" || last.Error != "" {
				t.Errorf("last entry %+v", last)
			}
		})
	}
}

// Retries of broken answers are bounded by the retry configuration: the error then
// names the status, the parse failure and how often the read was sent.
func TestReadWithAnswerBrokenEveryTime(t *testing.T) {
	s := newScripted(t, cannedAnswer{status: 200, body: brokenBodies["truncated"]})
	c := s.client()
	_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	var re *RequestError
	var se *rawjson.SyntaxError
	if !errors.As(err, &re) || re.Status != 200 || !errors.Is(err, ErrBrokenAnswer) || !errors.As(err, &se) {
		t.Fatalf("error %v (%T), want a RequestError with status 200 wrapping ErrBrokenAnswer and the syntax error", err, err)
	}
	if got, want := s.count.Load(), int32(fastRetries().MaxRetries+1); got != want {
		t.Errorf("sent %d times, want %d", got, want)
	}
	for _, part := range []string{"GET users.json", "HTTP 200", "not valid JSON", "sent 4 times"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not say %q", err, part)
		}
	}
	assertNoToken(t, "error", err.Error())

	// Without retries, one request.
	s2 := newScripted(t, cannedAnswer{status: 200, body: "{"})
	c2 := s2.client()
	c2.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
	if _, err := c2.Execute(ctxT(t), BuildReadRequest("Users")); !errors.Is(err, ErrBrokenAnswer) || strings.Contains(err.Error(), "sent") {
		t.Errorf("error %v", err)
	}
	if s2.count.Load() != 1 {
		t.Errorf("sent %d times with retries disabled", s2.count.Load())
	}
}

// A create, update or delete whose 2xx answer is broken took effect: it is not sent
// again, and its error says so.
func TestWriteWithBrokenAnswerIsNotSentAgain(t *testing.T) {
	writes := map[string]Request{
		"POST":   BuildCreateRequest("Users").AddAttribute("title", "Ann"),
		"PUT":    BuildUpdateRequest("Users").SetObjectName("ann").AddAttribute("title", "Ann"),
		"DELETE": BuildDeleteRequest("Users").SetObjectName("ann"),
	}
	for method, req := range writes {
		for name, body := range brokenBodies {
			if name == "empty" && method == "DELETE" {
				continue // an empty answer to a delete is its normal one
			}
			t.Run(method+" "+name, func(t *testing.T) {
				s := newScripted(t, cannedAnswer{status: 200, body: body}, cannedAnswer{status: 200, body: `{"error":[],"result":{"name":"ann"}}`})
				_, err := s.client().Execute(ctxT(t), req)
				checkAppliedWrite(t, err, method, s.count.Load())
			})
		}
	}
}

func checkAppliedWrite(t *testing.T, err error, method string, sent int32) {
	t.Helper()
	var re *RequestError
	if !errors.As(err, &re) || re.Status != 200 || re.Method != method || !errors.Is(err, ErrBrokenAnswer) {
		t.Fatalf("error %v (%T), want a RequestError with status 200 wrapping ErrBrokenAnswer", err, err)
	}
	if errors.Is(err, ErrOutcomeUnknown) {
		t.Errorf("a 2xx status says the outcome: %v", err)
	}
	if !strings.Contains(err.Error(), "took effect") || !strings.Contains(err.Error(), "not sent again") {
		t.Errorf("error %q does not say the write took effect and was not sent again", err)
	}
	if re.Response == nil || re.Response.HTTPStatus() != 200 {
		t.Errorf("the error's response: %+v", re.Response)
	}
	if sent != 1 {
		t.Errorf("%s sent %d times, want 1", method, sent)
	}
	assertNoToken(t, "error", err.Error())
}

// cutOffServer answers 2xx with a Content-Length longer than the body it sends, then
// closes the connection, for the first n requests; then it answers okList.
func cutOffServer(t *testing.T, n int32) (*httptest.Server, *atomic.Int32) {
	var count atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		if count.Add(1) > n {
			io.WriteString(w, okList)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(okList)))
		w.WriteHeader(200)
		io.WriteString(w, okList[:20])
		w.(http.Flusher).Flush()
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(s.Close)
	return s, &count
}

// A 2xx answer cut off mid-body is a broken answer too: a read is sent again even when
// connection errors are not retried; a write is not.
func TestAnswerCutOffMidBody(t *testing.T) {
	s, count := cutOffServer(t, 2)
	c := NewClient(s.URL, testToken)
	rc := fastRetries()
	rc.RetryOnConnectionError = false
	c.ApiCommunicator().SetRetryConfig(rc)
	resp, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if err != nil || len(resp.Records()) != 2 || count.Load() != 3 {
		t.Fatalf("read: %v, %d requests", err, count.Load())
	}

	for method, req := range map[string]Request{
		"PUT":    BuildUpdateRequest("Users").SetObjectName("ann").AddAttribute("title", "Ann"),
		"DELETE": BuildDeleteRequest("Users").SetObjectName("ann"),
		"POST":   BuildCreateRequest("Users").AddAttribute("title", "Ann"),
	} {
		s, count := cutOffServer(t, 1)
		c := NewClient(s.URL, testToken)
		c.ApiCommunicator().SetRetryConfig(fastRetries())
		_, err := c.Execute(ctxT(t), req)
		checkAppliedWrite(t, err, method, count.Load())
		if !strings.Contains(err.Error(), "reading the answer") {
			t.Errorf("%s: error %q does not say the answer broke off", method, err)
		}
	}
}
