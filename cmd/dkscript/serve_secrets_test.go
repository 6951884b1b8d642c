package main

import (
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// leakyHooks tries every way a handler could show what it received: the headers, the
// environment and errors that carry them, on stdout, stderr and in the answer.
const leakyHooks = `module.exports = {
	call_close: async (payload, request) => {
		console.log("headers", JSON.stringify(request.headers))
		console.error("env", JSON.stringify(process.env))
		await daktela.client().executeAsync(daktela.buildReadRequest("Users"))
		await daktela.client().executeAsync(daktela.buildCreateRequest("Contacts").addAttributes({ lastname: "Leak" }))
		return { headers: request.headers, env: process.env }
	},
	fails: async (payload, request) => {
		await daktela.client().executeAsync(daktela.buildReadSingleRequest("Contacts", "no-such-contact"))
	},
	throws_headers: async (payload, request) => { throw new Error(JSON.stringify(request.headers)) },
	login_fails: async () => {
		console.log("signing in")
		daktela.login(process.env.DAKTELA_URL, "admin", "pw-" + "9f8e7d6c5b")
	},
}`

// Neither the access token, nor the webhook secret, nor a password a handler signs in
// with appears in serve's output, request
// log (text and JSON, with --verbose), answers or metrics, whether the token travels in
// a header or in the query, and whatever the handlers print or throw.
func TestServeKeepsSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	const token = "tok-9d8e7f6a5b4c3d2e1f"
	const secret = "hook-secret-a1b2c3d4e5"
	srv := daktelatest.NewServer(daktelatest.Options{Token: token})
	defer srv.Close()
	dir := t.TempDir()
	script := writeScript(t, dir, "hooks.js", leakyHooks)
	secretFile := writeScript(t, dir, "secret", secret+"\n")
	for _, mode := range []struct{ auth, format string }{{"header", "text"}, {"query", "json"}} {
		t.Run(mode.auth+"/"+mode.format, func(t *testing.T) {
			p := startServe(t, bin, []string{"DAKTELA_URL=" + srv.URL, "DAKTELA_TOKEN=" + token},
				"--secret-file", secretFile, "--auth", mode.auth, "--verbose", "--log-format", mode.format,
				"--max-body", "1KiB", script)
			var answers strings.Builder
			send := func(path, sec, body string) int {
				req, _ := http.NewRequest("POST", p.url+path, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Webhook-Secret", sec)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				answers.Write(b)
				return res.StatusCode
			}
			for _, c := range []struct {
				path, secret, body string
				want               int
			}{
				{"/hooks/call_close", secret, `{}`, 200},
				{"/hooks/fails", secret, `{}`, 500},
				{"/hooks/throws_headers", secret, `{}`, 500},
				{"/hooks/login_fails", secret, `{}`, 500},
				{"/hooks/call_close", secret + "x", `{}`, 401},
				{"/hooks/call_close", secret, `{"x":"` + strings.Repeat("a", 2000) + `"}`, 413},
			} {
				if got := send(c.path, c.secret, c.body); got != c.want {
					t.Errorf("%s: %d, want %d", c.path, got, c.want)
				}
			}
			res, err := http.Get(p.url + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			metrics, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if code := p.stop(t, syscall.SIGTERM); code != 0 {
				t.Errorf("exit code %d", code)
			}
			stderr := p.stderr.String()
			for name, text := range map[string]string{"stdout": p.stdout.String(), "stderr": stderr, "answers": answers.String(), "metrics": string(metrics)} {
				for _, s := range []string{token, secret, "pw-9f8e7d6c5b"} {
					if strings.Contains(text, s) {
						t.Errorf("%s shows %q:\n%s", name, s, text)
					}
				}
			}
			// The handlers did run and print, and the request log has its lines.
			if out := p.stdout.String(); !strings.Contains(out, `headers {"accept-encoding"`) || strings.Contains(out, "x-webhook-secret") {
				t.Errorf("the handler's headers should be printed, without the secret's header: %q", out)
			}
			for _, want := range []string{"/hooks/call_close", "/hooks/fails", "/hooks/login_fails", "401", "413"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("the log lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}
