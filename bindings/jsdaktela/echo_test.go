package jsdaktela

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
)

// echoPassword is a password with characters JSON escapes.
const echoPassword = `pw/"echo"-31f`

// TestServerEchoIsRedacted: an error answer that repeats the request's credentials (the
// token header, the URL with accessToken, a sign-in's password) reaches none of what a
// script makes of the exception: e.message, e.stack, JSON.stringify(e), e.getErrors(),
// e.getResponseBody(), String(e); in both auth modes.
func TestServerEchoIsRedacted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		msg, _ := json.Marshal(fmt.Sprintf("token %s for %s with %s", r.Header.Get("X-Auth-Token"), r.URL.RequestURI(), b))
		w.WriteHeader(400)
		fmt.Fprintf(w, `{"error":{"primary":[%s]},"result":null}`, msg)
	}))
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		t.Run(string(auth), func(t *testing.T) {
			c := daktela.NewClient(srv.URL, testToken)
			c.ApiCommunicator().SetAuthenticationMethod(auth)
			c.ApiCommunicator().SetRetryConfig(daktela.DisabledRetryConfig())
			h := newTestHost(t, Config{Client: c, AllowNewClients: true})
			_, err := h.Eval(fmt.Sprintf(`
const show = (e) => print(e.message, e.stack, JSON.stringify(e), JSON.stringify(e.getErrors()), e.getResponseBody(), String(e));
try { daktela.client().execute(daktela.buildReadRequest("Users")); } catch (e) { show(e); }
try { daktela.client().execute(daktela.buildCreateRequest("Users").addStringAttribute("name", "x")); } catch (e) { show(e); }
try { daktela.login(%q, "admin", %q); } catch (e) { show(e); }
`, srv.URL, echoPassword))
			if err != nil {
				t.Fatal(err)
			}
			out := h.Output.String()
			pw, _ := json.Marshal(echoPassword)
			for _, secret := range []string{testToken, echoPassword, string(pw[1 : len(pw)-1])} {
				if strings.Contains(out, secret) {
					t.Errorf("the output shows %q:\n%s", secret, out)
				}
			}
			if strings.Count(out, "REDACTED") < 6 {
				t.Errorf("the echoes are not in the output (the test proves nothing):\n%s", out)
			}
		})
	}
}
