package daktela

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// recorded is one request a recording server got.
type recorded struct {
	method string
	uri    string
	header http.Header
	body   string
}

// recorder is a loopback server that records every request and answers with serve.
type recorder struct {
	*httptest.Server
	mu  sync.Mutex
	got []recorded
}

func newRecorder(t *testing.T, tls bool, serve http.HandlerFunc) *recorder {
	t.Helper()
	rs := &recorder{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rs.mu.Lock()
		rs.got = append(rs.got, recorded{r.Method, r.URL.RequestURI(), r.Header.Clone(), string(b)})
		rs.mu.Unlock()
		serve(w, r)
	})
	if tls {
		rs.Server = httptest.NewTLSServer(h)
	} else {
		rs.Server = httptest.NewServer(h)
	}
	t.Cleanup(rs.Close)
	return rs
}

func (rs *recorder) requests() []recorded {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return append([]recorded(nil), rs.got...)
}

func answerJSON(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// redirectTo answers every request with status and a Location on base that echoes the
// request's path and query (the token too, in query mode) after a path naming the token.
func redirectTo(base string, status int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, base+"/t/"+testToken+r.URL.RequestURI(), status)
	}
}

// requestKinds are the requests every redirect test sends: each kind of API request,
// ping and the sign-in.
var requestKinds = []struct {
	name string
	send func(ctx context.Context, c *Client) error
}{
	{"read", func(ctx context.Context, c *Client) error {
		_, err := c.Execute(ctx, BuildReadRequest("Users").AddFilter("title", "eq", "x"))
		return err
	}},
	{"create", func(ctx context.Context, c *Client) error {
		_, err := c.Execute(ctx, BuildCreateRequest("Users").AddStringAttribute("name", "u1"))
		return err
	}},
	{"update", func(ctx context.Context, c *Client) error {
		_, err := c.Execute(ctx, BuildUpdateRequest("Users").SetObjectName("u1").AddStringAttribute("title", "T"))
		return err
	}},
	{"delete", func(ctx context.Context, c *Client) error {
		_, err := c.Execute(ctx, BuildDeleteRequest("Users").SetObjectName("u1"))
		return err
	}},
	{"health", func(ctx context.Context, c *Client) error {
		if h := c.HealthCheck(ctx); h.Error != "" {
			return errors.New(h.Error)
		}
		return nil
	}},
	{"login", func(ctx context.Context, c *Client) error { return c.Login(ctx, "admin", testPassword) }},
}

// TestRedirectKeepsCredentialsAtTheOrigin: whatever the status, a redirect to another
// origin is not followed by any request, in either auth mode: the other host gets
// nothing (no token, no password, no body), and the error says where the server
// redirected without showing a credential.
func TestRedirectKeepsCredentialsAtTheOrigin(t *testing.T) {
	other := newRecorder(t, false, answerJSON(200, okList))
	for _, status := range []int{301, 302, 303, 307, 308} {
		origin := newRecorder(t, false, redirectTo(other.URL, status))
		for _, mode := range []AuthMethod{AuthHeader, AuthQuery} {
			for _, k := range requestKinds {
				t.Run(fmt.Sprintf("%d/%s/%s", status, mode, k.name), func(t *testing.T) {
					c := NewClient(origin.URL, testToken)
					c.ApiCommunicator().SetAuthenticationMethod(mode)
					c.ApiCommunicator().SetRetryConfig(fastRetries())
					err := k.send(ctxT(t), c)
					if err == nil {
						t.Fatal("a redirect to another origin was followed")
					}
					if k.name != "health" {
						var re *RequestError
						if !errors.Is(err, ErrRedirect) || !errors.As(err, &re) || re.Status != status {
							t.Fatalf("error %v (%T), want one wrapping ErrRedirect with status %d", err, err, status)
						}
					}
					msg := err.Error()
					if !strings.Contains(msg, other.URL) {
						t.Errorf("the error does not say where the server redirects: %s", msg)
					}
					if strings.Contains(msg, testToken) || strings.Contains(msg, testPassword) || strings.Contains(msg, "accessToken") {
						t.Errorf("the error shows a credential: %s", msg)
					}
				})
			}
		}
	}
	if got := other.requests(); len(got) != 0 {
		t.Errorf("the other origin got %d requests, the first %+v", len(got), got[0])
	}
}

// TestRedirectSameOrigin: a read follows a redirect to the same origin with its
// credentials (the token is added back in query mode) and no Referer; a write follows
// only a 307 or 308 there (method and body kept), and a 301, 302 or 303 to a write is
// an error, never a GET reported as the write's success.
func TestRedirectSameOrigin(t *testing.T) {
	var srv *recorder
	srv = newRecorder(t, false, func(w http.ResponseWriter, r *http.Request) {
		if s, ok := strings.CutPrefix(r.URL.Path, "/api/v6/moved"); ok {
			status := 0
			fmt.Sscanf(strings.TrimPrefix(s, "/"), "%d", &status)
			http.Redirect(w, r, "/api/v6/users.json", status)
			return
		}
		if r.Method == http.MethodPost {
			answerJSON(201, `{"error":[],"result":{"name":"u1"}}`)(w, r)
			return
		}
		answerJSON(200, okList)(w, r)
	})
	for _, mode := range []AuthMethod{AuthHeader, AuthQuery} {
		c := NewClient(srv.URL, testToken)
		c.ApiCommunicator().SetAuthenticationMethod(mode)
		for _, status := range []int{301, 302, 303, 307, 308} {
			t.Run(fmt.Sprintf("%s/read/%d", mode, status), func(t *testing.T) {
				before := len(srv.requests())
				resp, err := c.Execute(ctxT(t), BuildReadRequest(fmt.Sprintf("moved/%d", status)))
				if err != nil || len(resp.Records()) != 2 {
					t.Fatalf("a read redirected to the same origin: %v", err)
				}
				hop := srv.requests()[before+1]
				switch {
				case hop.uri != "/api/v6/users.json" && mode == AuthHeader,
					mode == AuthQuery && hop.uri != "/api/v6/users.json?accessToken="+testToken:
					t.Errorf("the redirect went to %s", hop.uri)
				case mode == AuthHeader && hop.header.Get("X-Auth-Token") != testToken:
					t.Error("the token was not sent after a redirect to the same origin")
				case hop.header.Get("Referer") != "":
					t.Errorf("a Referer was sent: %s", hop.header.Get("Referer"))
				}
			})
			t.Run(fmt.Sprintf("%s/create/%d", mode, status), func(t *testing.T) {
				before := len(srv.requests())
				resp, err := c.Execute(ctxT(t), BuildCreateRequest(fmt.Sprintf("moved/%d", status)).AddStringAttribute("name", "u1"))
				got := srv.requests()[before:]
				if status == 307 || status == 308 {
					if err != nil || resp.HTTPStatus() != 201 || len(got) != 2 || got[1].method != "POST" || got[1].body != `{"name":"u1"}` {
						t.Fatalf("a create redirected with %d to the same origin: %v, %d requests", status, err, len(got))
					}
					return
				}
				var re *RequestError
				if !errors.Is(err, ErrRedirect) || !errors.As(err, &re) || re.Status != status {
					t.Fatalf("a create redirected with %d: %v (%T), want an error wrapping ErrRedirect", status, err, err)
				}
				if len(got) != 1 {
					t.Errorf("%d requests sent, want only the create (no GET in its place)", len(got))
				}
				if !strings.Contains(err.Error(), "does not follow a redirect") {
					t.Errorf("the error does not say what happened: %v", err)
				}
			})
		}
	}
}

// TestRedirectToHTTPSHints: an instance configured with http:// that redirects to
// https:// gets an error naming the URL to use, for a write.
func TestRedirectToHTTPSHints(t *testing.T) {
	srv := newRecorder(t, false, func(w http.ResponseWriter, r *http.Request) {
		u := *r.URL
		u.Scheme, u.Host = "https", r.Host
		http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
	})
	c := NewClient(srv.URL, testToken)
	_, err := c.Execute(ctxT(t), BuildCreateRequest("Users").AddStringAttribute("name", "u1"))
	host := strings.TrimPrefix(srv.URL, "http://")
	if !errors.Is(err, ErrRedirect) || !strings.Contains(err.Error(), "should be https://"+host) {
		t.Fatalf("error %v, want one saying the instance URL should be https://%s", err, host)
	}
}

// storagePair is an https origin whose files/ paths redirect to an https storage host on
// another port (another origin), and a client trusting both that holds a cookie for the
// origin's host (which, ports aside, is the storage host's too).
func storagePair(t *testing.T, storageTLS bool, mode AuthMethod) (*Client, *recorder, *recorder) {
	storage := newRecorder(t, storageTLS, answerJSON(200, `{"error":[],"result":{"name":"file"}}`))
	origin := newRecorder(t, true, func(w http.ResponseWriter, r *http.Request) {
		loc := storage.URL + "/bucket/x?sig=a%2Fb&accessToken=" + url.QueryEscape(testToken)
		http.Redirect(w, r, loc, http.StatusFound)
	})
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(origin.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: "session", Value: "cookie-" + testToken}})
	hc := origin.Client()
	hc.Jar = jar
	c := NewClient(origin.URL, testToken)
	c.ApiCommunicator().SetHTTPClient(hc)
	c.ApiCommunicator().SetAuthenticationMethod(mode)
	c.ApiCommunicator().SetRetryConfig(fastRetries())
	return c, origin, storage
}

var download = wireRequest{Method: http.MethodGet, Path: "files/x", Kind: kindSingle, Redirects: redirectStorage}

// TestDownloadRedirectDropsCredentials: the download rule follows a redirect to another
// https origin, taking off every credential (token header, accessToken parameter,
// cookie, Referer) and leaving the storage URL's own query exact.
func TestDownloadRedirectDropsCredentials(t *testing.T) {
	for _, mode := range []AuthMethod{AuthHeader, AuthQuery} {
		t.Run(string(mode), func(t *testing.T) {
			c, origin, storage := storagePair(t, true, mode)
			st := c.comm.snapshot()
			ans, err := c.roundTrip(ctxT(t), &st, download, c.secretsFor(testToken))
			if err != nil || ans.status != 200 {
				t.Fatalf("download: %v", err)
			}
			first := origin.requests()[0]
			if first.header.Get("Cookie") == "" || (mode == AuthHeader) != (first.header.Get("X-Auth-Token") == testToken) {
				t.Fatalf("the origin did not get the credentials (the test proves nothing): %+v", first)
			}
			got := storage.requests()
			if len(got) != 1 {
				t.Fatalf("the storage host got %d requests", len(got))
			}
			s := got[0]
			if s.uri != "/bucket/x?sig=a%2Fb" {
				t.Errorf("the storage URL became %s", s.uri)
			}
			for _, h := range []string{"X-Auth-Token", "Authorization", "Cookie", "Referer"} {
				if v := s.header.Get(h); v != "" {
					t.Errorf("the storage host got %s: %s", h, v)
				}
			}
		})
	}
}

// TestRedirectNeverDowngrades: no request follows a redirect from https to http, not
// even a download, and nothing reaches the http host.
func TestRedirectNeverDowngrades(t *testing.T) {
	c, _, storage := storagePair(t, false, AuthHeader)
	st := c.comm.snapshot()
	_, err := c.roundTrip(ctxT(t), &st, download, c.secretsFor(testToken))
	if !errors.Is(err, ErrRedirect) || !strings.Contains(err.Error(), "from https to") {
		t.Fatalf("error %v, want a refused downgrade", err)
	}
	if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); !errors.Is(err, ErrRedirect) {
		t.Fatalf("an API read redirected to http: %v", err)
	}
	if n := len(storage.requests()); n != 0 {
		t.Errorf("the http host got %d requests", n)
	}
}
