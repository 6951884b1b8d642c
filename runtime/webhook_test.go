package runtime_test

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

const webhookHooks = `module.exports = {
	call_close: async (payload, request) => ({ name: payload.name, event: request.event, headers: Object.keys(request.headers).sort() }),
	ticket_update: async (payload) => { console.log("ticket", payload.name) },
	fails: async () => { throw new Error("nope") },
}`

type webhookEnv struct {
	url  string
	h    *runtime.WebhookHandler
	out  *strings.Builder
	logs []runtime.WebhookLogEntry
	mu   sync.Mutex
}

func newWebhookEnv(t *testing.T, opts runtime.WebhookOptions) *webhookEnv {
	t.Helper()
	env := &webhookEnv{out: &strings.Builder{}}
	p := newPool(t, "hooks.js", webhookHooks, runtime.HandlerPoolOptions{Size: 2, Runtime: runtime.Options{Stdout: env.out}})
	opts.Log = func(e runtime.WebhookLogEntry) {
		env.mu.Lock()
		env.logs = append(env.logs, e)
		env.mu.Unlock()
	}
	env.h = runtime.NewWebhookHandler(p, opts)
	srv := httptest.NewServer(env.h)
	t.Cleanup(srv.Close)
	env.url = srv.URL
	return env
}

func (e *webhookEnv) post(t *testing.T, path, body string, hdr map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", e.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func (e *webhookEnv) get(t *testing.T, path string) (int, string) {
	t.Helper()
	res, err := http.Get(e.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// Every answer of the webhook endpoint: routing by body and path, the secret, the body
// limit, handler results and failures, and the draining state.
func TestWebhookHandlerAnswers(t *testing.T) {
	const secret = "s3cret-value-xyz"
	env := newWebhookEnv(t, runtime.WebhookOptions{Secret: secret, MaxBody: 200})
	ok := map[string]string{"X-Webhook-Secret": secret, "X-Trace": "t1"}
	cases := []struct {
		name, path, body string
		hdr              map[string]string
		status           int
		inBody           string
	}{
		{"event from the body", "/", `{"event":"call_close","name":"c1"}`, ok, 200, `"name":"c1","event":"call_close"`},
		{"the path wins", "/hooks/call_close", `{"event":"ticket_update","name":"c2"}`, ok, 200, `"event":"call_close"`},
		{"no secret header seen by the handler", "/hooks/call_close", `{}`, ok, 200, `"headers":["accept-encoding","content-length","content-type","user-agent","x-trace"]`},
		{"nothing returned", "/hooks/ticket_update", `{"name":"t9"}`, ok, 204, ""},
		{"handler throws", "/hooks/fails", `{}`, ok, 500, "the handler failed"},
		{"no handler", "/hooks/email_create", `{}`, ok, 404, "no handler"},
		{"no handler (body)", "/", `{"event":"email_create"}`, ok, 404, "no handler"},
		{"no event", "/", `{"name":"x"}`, ok, 400, "no event"},
		{"not JSON", "/hooks/call_close", `{"name":`, ok, 400, "not JSON"},
		{"wrong secret", "/hooks/call_close", `{}`, map[string]string{"X-Webhook-Secret": "s3cret-value-xy"}, 401, "secret"},
		{"no secret", "/hooks/call_close", `{}`, nil, 401, "secret"},
		{"too large", "/hooks/call_close", `{"name":"` + strings.Repeat("x", 300) + `"}`, ok, 413, "larger than 200 bytes"},
		{"unknown path", "/webhook", `{}`, ok, 404, "not found"},
	}
	for _, c := range cases {
		status, body := env.post(t, c.path, c.body, c.hdr)
		if status != c.status || !strings.Contains(body, c.inBody) {
			t.Errorf("%s: %d %q, want %d with %q", c.name, status, body, c.status, c.inBody)
		}
	}
	if got := env.out.String(); got != "ticket t9\n" {
		t.Errorf("handler output %q", got)
	}
	if status, _ := env.get(t, "/hooks/call_close"); status != 405 {
		t.Errorf("GET of a hook: %d, want 405", status)
	}
	if status, body := env.get(t, "/healthz"); status != 200 || body != "ok\n" {
		t.Errorf("healthz: %d %q", status, body)
	}
	env.mu.Lock()
	if len(env.logs) != len(cases)+2 {
		t.Errorf("%d log entries for %d requests", len(env.logs), len(cases)+2)
	}
	for _, e := range env.logs {
		if e.Status == 500 && !strings.Contains(e.Error, "Uncaught Error: nope (hooks.js:4:29)") {
			t.Errorf("the 500's log error %q does not say what the handler threw where", e.Error)
		}
	}
	env.mu.Unlock()

	env.h.Drain()
	if status, _ := env.post(t, "/hooks/call_close", `{}`, ok); status != 503 {
		t.Errorf("while draining: %d, want 503", status)
	}
	if status, _ := env.get(t, "/healthz"); status != 503 {
		t.Errorf("healthz while draining: %d, want 503", status)
	}
}

// A form-encoded body reaches the handler as an object of strings.
func TestWebhookHandlerFormBody(t *testing.T) {
	env := newWebhookEnv(t, runtime.WebhookOptions{})
	req, _ := http.NewRequest("POST", env.url+"/", strings.NewReader("event=call_close&name=call_77"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), `"name":"call_77"`) {
		t.Errorf("form body: %d %q", res.StatusCode, b)
	}
}

// metricLine is one sample of the Prometheus text format.
var metricLine = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? [0-9.e+-]+|\+Inf$`)

// GET /metrics counts requests by event and status and handler durations by event, in
// the Prometheus text format, and shows neither the secret nor an unknown event name.
func TestWebhookHandlerMetrics(t *testing.T) {
	const secret = "metrics-secret-123"
	env := newWebhookEnv(t, runtime.WebhookOptions{Secret: secret})
	ok := map[string]string{"X-Webhook-Secret": secret}
	for i := 0; i < 3; i++ {
		env.post(t, "/hooks/call_close", `{}`, ok)
	}
	env.post(t, "/hooks/fails", `{}`, ok)
	env.post(t, "/hooks/made_up_event", `{}`, ok)
	env.post(t, "/hooks/call_close", `{}`, map[string]string{"X-Webhook-Secret": "wrong"})
	status, body := env.get(t, "/metrics")
	if status != 200 {
		t.Fatalf("metrics: %d", status)
	}
	for _, want := range []string{
		`dkscript_webhook_requests_total{event="call_close",status="200"} 3`,
		`dkscript_webhook_requests_total{event="fails",status="500"} 1`,
		`dkscript_webhook_requests_total{event="unknown",status="404"} 1`,
		`dkscript_webhook_requests_total{event="unknown",status="401"} 1`,
		`dkscript_webhook_handler_duration_seconds_count{event="call_close"} 3`,
		`dkscript_webhook_handler_duration_seconds_bucket{event="call_close",le="+Inf"} 3`,
		`dkscript_webhook_handler_duration_seconds_count{event="fails"} 1`,
		`dkscript_webhook_handlers_running 0`,
		`dkscript_webhook_runtimes 2`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	for _, leak := range []string{secret, "made_up_event"} {
		if strings.Contains(body, leak) {
			t.Errorf("metrics show %q", leak)
		}
	}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		if !metricLine.MatchString(line) {
			t.Errorf("not a Prometheus sample line: %q", line)
		}
	}
}
