package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// serveBlock returns serve.md's block whose info string is info.
func serveBlock(t *testing.T, info string) block {
	t.Helper()
	for _, b := range blocks(t, "serve.md") {
		if b.info == info {
			return b
		}
	}
	t.Fatalf("serve.md has no %q block", info)
	return block{}
}

// templateVar is a {{variable}} of an Automation's body template.
var templateVar = regexp.MustCompile(`\{\{\s*(\w+)\s*\}\}`)

// curlBody is the JSON a curl command line of the docs sends (-d '...').
var curlBody = regexp.MustCompile(`(?s)-d '(\{.*?\})'`)

// The serve guide's examples run: its hooks.js is served as dkscript serve serves it,
// against the fake Daktela; the Automation's JSON template, filled in as Daktela would,
// and the curl example's body make the handler create a call-back ticket, and the same
// webhook sent again (as Daktela retries) creates no second one, as the guide says.
func TestServeGuideExamples(t *testing.T) {
	hooks := serveBlock(t, "js hooks")
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	var out bytes.Buffer
	pool, err := runtime.NewHandlerPool(runtime.HandlerPoolOptions{
		Script: "hooks.js",
		Runtime: runtime.Options{
			Client:   srv.Client(),
			Stdout:   &out,
			ModuleFS: fstest.MapFS{"hooks.js": {Data: []byte(strings.Repeat("\n", hooks.line) + hooks.code)}},
		},
		Size: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	const secret = "docs-secret"
	web := httptest.NewServer(runtime.NewWebhookHandler(pool, runtime.WebhookOptions{Secret: secret}))
	defer web.Close()
	post := func(path, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest("POST", web.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Webhook-Secret", secret)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		return res.StatusCode, m
	}

	// The template as Daktela fills it in for a missed inbound call.
	values := map[string]string{"name": "activities_docs_1", "direction": "in", "answered": "0", "clid": "+420777123456", "time_start": "2026-01-15 11:58:00"}
	tmpl := serveBlock(t, "json template").code
	filled := templateVar.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := templateVar.FindStringSubmatch(m)[1]
		v, ok := values[name]
		if !ok {
			t.Fatalf("the template's {{%s}} has no sample value here", name)
		}
		return v
	})
	if !json.Valid([]byte(filled)) {
		t.Fatalf("the filled-in template is not JSON:\n%s", filled)
	}
	status, first := post("/hooks/call_close", filled)
	if status != 200 || first["created"] != true {
		t.Fatalf("the template's webhook: %d %v, want 200 and a created ticket", status, first)
	}
	status, again := post("/hooks/call_close", filled)
	if status != 200 || again["created"] != false || again["ticket"] != first["ticket"] {
		t.Errorf("the same webhook again: %d %v, want 200 and the first ticket %v, not a new one", status, again, first["ticket"])
	}
	rec, ok := srv.Record("tickets", fmt.Sprint(first["ticket"]))
	if !ok || !strings.Contains(rec["title"].(string), "+420777123456") {
		t.Errorf("the ticket %v: %v", first["ticket"], rec)
	}

	// The curl example of the guide, by the path it names.
	var try block
	for _, b := range blocks(t, "serve.md") {
		if b.info == "sh" && strings.Contains(b.code, "dkscript serve --mock hooks.js") {
			try = b
		}
	}
	m := curlBody.FindStringSubmatch(try.code)
	if m == nil || !strings.Contains(try.code, "/hooks/call_close") {
		t.Fatalf("serve.md's try-it block has no curl of /hooks/call_close with -d '{...}':\n%s", try.code)
	}
	if status, res := post("/hooks/call_close", m[1]); status != 200 || res["created"] != true {
		t.Errorf("the curl example: %d %v", status, res)
	}
	if status, _ := post("/", `{"event": "contact_update", "name": "contacts_1"}`); status != 204 {
		t.Errorf("contact_update: %d, want 204", status)
	}
	for _, want := range []string{"call_close activities_docs_1: ticket ", "contact changed: contacts_1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the handlers' output lacks %q:\n%s", want, out.String())
		}
	}
}
