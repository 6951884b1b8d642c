package daktela_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// tokenSpy serves the fake Daktela and keeps every token its login.json handed out, so a
// test can look for them in what the client printed.
type tokenSpy struct {
	*httptest.Server
	fake   *daktelatest.Handler
	mu     sync.Mutex
	tokens []string
}

func newTokenSpy(t *testing.T, life time.Duration) *tokenSpy {
	t.Helper()
	h, err := daktelatest.NewHandler(daktelatest.Options{TokenLife: life})
	if err != nil {
		t.Fatal(err)
	}
	s := &tokenSpy{fake: h}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/login.json") {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		var env struct {
			Result struct{ AccessToken, RefreshToken string }
		}
		if json.Unmarshal(rec.Body.Bytes(), &env) == nil && env.Result.AccessToken != "" {
			s.mu.Lock()
			s.tokens = append(s.tokens, env.Result.AccessToken, env.Result.RefreshToken)
			s.mu.Unlock()
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(s.Close)
	return s
}

// calls returns the requests the fake got as "METHOD path status".
func (s *tokenSpy) calls() []string {
	var out []string
	for _, r := range s.fake.Requests() {
		out = append(out, fmt.Sprintf("%s %s %d", r.Method, r.Path, r.Status))
	}
	return out
}

// noToken fails the test when text holds a token the fake handed out or the password.
func (s *tokenSpy) noToken(t *testing.T, what, text string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.tokens) == 0 {
		t.Fatal("the fake handed out no token")
	}
	for _, tok := range append(slices.Clone(s.tokens), daktelatest.DemoPassword+`"`) {
		if tok != "" && strings.Contains(text, tok) {
			t.Errorf("%s shows a secret %q:\n%s", what, tok, text)
		}
	}
}

// login signs in to the spy with a logger writing to logs, in the given auth mode.
func (s *tokenSpy) login(t *testing.T, auth daktela.AuthMethod, logs io.Writer) *daktela.Client {
	t.Helper()
	c := daktela.NewClient(s.URL, "")
	c.ApiCommunicator().SetAuthenticationMethod(auth)
	c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err := c.Login(context.Background(), "admin", daktelatest.DemoPassword); err != nil {
		t.Fatal(err)
	}
	return c
}

func wantCalls(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

var authModes = []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery}

// A token about to expire is renewed with PUT login.json before the request goes out:
// the request itself never meets a 401, and no token shows in the logs.
func TestLoginRefreshesBeforeExpiry(t *testing.T) {
	for _, auth := range authModes {
		t.Run(string(auth), func(t *testing.T) {
			s := newTokenSpy(t, time.Second)
			var logs bytes.Buffer
			c := s.login(t, auth, &logs)
			time.Sleep(time.Second) // the whole life of the token: it is due
			if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users")); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Queues")); err != nil {
				t.Fatal(err)
			}
			wantCalls(t, s.calls(), "POST login.json 200", "PUT login.json 200", "GET users.json 200", "GET queues.json 200")
			s.noToken(t, "the log", logs.String())
		})
	}
}

// A token with a long life is used as it is.
func TestLoginKeepsALiveToken(t *testing.T) {
	s := newTokenSpy(t, time.Hour)
	c := s.login(t, daktela.AuthHeader, io.Discard)
	for range 2 {
		if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users")); err != nil {
			t.Fatal(err)
		}
	}
	wantCalls(t, s.calls(), "POST login.json 200", "GET users.json 200", "GET users.json 200")
}

// When the refresh fails, the client signs in with its password again.
func TestLoginSignsInWhenRefreshFails(t *testing.T) {
	for _, auth := range authModes {
		t.Run(string(auth), func(t *testing.T) {
			s := newTokenSpy(t, time.Second)
			var logs bytes.Buffer
			c := s.login(t, auth, &logs)
			s.fake.ExpireRefreshTokens()
			time.Sleep(time.Second)
			if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users")); err != nil {
				t.Fatal(err)
			}
			wantCalls(t, s.calls(), "POST login.json 200", "PUT login.json 401", "POST login.json 200", "GET users.json 200")
			s.noToken(t, "the log", logs.String())
		})
	}
}

// A 401 answer (the server dropped the session early) renews with the refresh token and
// sends the request again; a second 401 after the refresh signs in. Errors after that
// show no token.
func TestLoginRenewsOn401(t *testing.T) {
	for _, auth := range authModes {
		t.Run(string(auth), func(t *testing.T) {
			s := newTokenSpy(t, time.Hour)
			var logs bytes.Buffer
			c := s.login(t, auth, &logs)
			s.fake.ExpireLoginTokens()
			if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users")); err != nil {
				t.Fatal(err)
			}
			s.fake.ExpireLoginTokens()
			s.fake.ExpireRefreshTokens()
			_, err := c.Execute(context.Background(), daktela.BuildReadSingleRequest("Users", "no-such-user"))
			var nf *daktela.NotFoundError
			if !errors.As(err, &nf) {
				t.Fatalf("error %v, want not found", err)
			}
			wantCalls(t, s.calls(),
				"POST login.json 200", "GET users.json 401", "PUT login.json 200", "GET users.json 200",
				"GET users/no-such-user.json 401", "PUT login.json 401", "POST login.json 200", "GET users/no-such-user.json 404")
			s.noToken(t, "the log", logs.String())
			s.noToken(t, "the error", fmt.Sprintf("%v %+v %#v", err, err, err))
		})
	}
}

// Many requests meeting a due token at once renew it once.
func TestLoginRefreshesOnceForConcurrentRequests(t *testing.T) {
	s := newTokenSpy(t, time.Second)
	c := s.login(t, daktela.AuthHeader, io.Discard)
	time.Sleep(time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users"))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	puts := 0
	for _, r := range s.fake.Requests() {
		if r.Method == "PUT" {
			puts++
		}
		if r.Status != 200 {
			t.Errorf("%s %s answered %d", r.Method, r.Path, r.Status)
		}
	}
	if puts != 1 {
		t.Errorf("%d refreshes, want 1", puts)
	}
}
