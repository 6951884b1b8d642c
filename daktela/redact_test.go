package daktela

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// echoServer answers every request with status and a body that repeats the request's
// credentials back: the token header, the URL (with accessToken in query mode) and the
// request body (a sign-in's password), in an error member as a PHP server writes it
// ("\/" escapes) and in plain text.
// A 2xx answer echoes them in a body that is not JSON (a proxy's page, say).
func echoServer(t *testing.T, status int) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		echo := fmt.Sprintf("token %s at %s with %s", r.Header.Get("X-Auth-Token"), r.URL.RequestURI(), b)
		msg, _ := json.Marshal(echo)
		php := strings.ReplaceAll(string(msg), "/", `\/`)
		w.WriteHeader(status)
		if isSuccess(status) {
			fmt.Fprintf(w, "<html>%s</html>", echo)
			return
		}
		fmt.Fprintf(w, `{"error":{"primary":[%s],"form":{"name":[%s]}},"result":null,"echo":%q}`, msg, php, echo)
	}))
	t.Cleanup(s.Close)
	return s
}

// TestServerTextIsRedacted: whatever an error answer echoes, no credential reaches an
// error's text, its API errors, its body or a log entry: for reads, writes, a broken 2xx
// answer and a failed sign-in (with the password in the answer), in both auth modes.
func TestServerTextIsRedacted(t *testing.T) {
	const slashy = "pw/with\"quote-é-" + testPassword
	for _, status := range []int{400, 401, 500, 200} {
		srv := echoServer(t, status)
		for _, mode := range []AuthMethod{AuthHeader, AuthQuery} {
			for _, k := range requestKinds {
				if status == 200 && k.name == "login" {
					continue // a 2xx sign-in succeeds only with a token in the answer
				}
				t.Run(fmt.Sprintf("%d/%s/%s", status, mode, k.name), func(t *testing.T) {
					c := NewClient(srv.URL, testToken)
					c.ApiCommunicator().SetAuthenticationMethod(mode)
					c.ApiCommunicator().SetRetryConfig(DisabledRetryConfig())
					var logs bytes.Buffer
					c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
					var err error
					if k.name == "login" {
						err = c.Login(ctxT(t), "admin", slashy)
					} else {
						err = k.send(ctxT(t), c)
					}
					if err == nil {
						if k.name == "health" && status == 200 {
							return // a 2xx health check has no error to show
						}
						t.Fatal("no error")
					}
					texts := []string{err.Error(), fmt.Sprintf("%+v", err), logs.String()}
					var re *RequestError
					if errors.As(err, &re) {
						texts = append(texts, string(re.Errors.Raw()), strings.Join(re.Errors.Messages(), "\n"), fmt.Sprint(re.Errors.Form()))
						if re.Response != nil {
							texts = append(texts, string(re.Response.Body()))
						}
					}
					all := strings.Join(texts, "\n")
					for _, secret := range secretForms(testToken) {
						if strings.Contains(all, secret) {
							t.Errorf("the token (%s) shows:\n%s", secret, all)
						}
					}
					for _, secret := range secretForms(slashy) {
						if strings.Contains(all, secret) {
							t.Errorf("the password (%s) shows:\n%s", secret, all)
						}
					}
					want := "token " + redacted
					switch {
					case k.name == "login":
						want = `"password":"` + redacted
					case mode == AuthQuery:
						want = "accessToken=" + redacted
					}
					if k.name != "health" && !strings.Contains(all, want) {
						t.Errorf("the echo (%s) is not in the error (the test proves nothing):\n%s", want, all)
					}
				})
			}
		}
	}
}

// TestSecretForms: each spelling a secret can take in a URL or JSON text is redacted.
func TestSecretForms(t *testing.T) {
	s := newSecrets("a/b c", "")
	s.passwords = []string{"pässword/1"}
	for _, in := range []string{"a/b c", "a%2Fb+c", "a%2Fb%20c", `a\/b c`, `p\u00e4ssword\/1`, "pässword/1", `pässword\/1`} {
		if got := s.redact("x " + in + " y"); got != "x "+redacted+" y" {
			t.Errorf("redact(%q) = %q", in, got)
		}
	}
	if got := string(s.redactBytes([]byte("nothing"))); got != "nothing" {
		t.Errorf("redactBytes changed a text without secrets: %q", got)
	}
	var none *secrets
	if none.redact("a/b c") != "a/b c" || !none.empty() {
		t.Error("nil secrets changed a text")
	}
}
