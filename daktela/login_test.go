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
	"sync"
	"sync/atomic"
	"testing"
)

const testPassword = "pw-HUSH-9f8e7d"

// loginServer issues tokens "tok-1", "tok-2", ... for admin/testPassword and accepts only
// the latest one; expire() makes it refuse every token issued so far.
type loginServer struct {
	*httptest.Server
	bareString bool // answer login with the bare token string
	logins     atomic.Int32
	reads      atomic.Int32
	mu         sync.Mutex
	valid      string
}

func newLoginServer(t *testing.T, bare bool) *loginServer {
	ls := &loginServer{bareString: bare}
	ls.Server = httptest.NewServer(http.HandlerFunc(ls.serve))
	t.Cleanup(ls.Close)
	return ls
}

func (ls *loginServer) expire() {
	ls.mu.Lock()
	ls.valid = ""
	ls.mu.Unlock()
}

func (ls *loginServer) serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/api/v6/login.json":
		var creds struct{ Username, Password string }
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &creds) != nil {
			w.WriteHeader(400)
			io.WriteString(w, `{"error":["bad login request"],"result":null}`)
			return
		}
		if r.Header.Get("X-AUTH-TOKEN") != "" {
			w.WriteHeader(400)
			io.WriteString(w, `{"error":["login sent a token"],"result":null}`)
			return
		}
		if creds.Username != "admin" || creds.Password != testPassword {
			w.WriteHeader(401)
			io.WriteString(w, `{"error":["Invalid username or password"],"result":null}`)
			return
		}
		tok := fmt.Sprintf("tok-%d", ls.logins.Add(1))
		ls.mu.Lock()
		ls.valid = tok
		ls.mu.Unlock()
		if ls.bareString {
			fmt.Fprintf(w, `{"error":[],"result":%q}`, tok)
		} else {
			fmt.Fprintf(w, `{"error":[],"result":{"accessToken":%q,"refreshToken":"r","accessTokenExpirationDate":"2026-01-01 10:00:00"}}`, tok)
		}
	case "/api/v6/users.json":
		ls.reads.Add(1)
		ls.mu.Lock()
		ok := ls.valid != "" && r.Header.Get("X-AUTH-TOKEN") == ls.valid
		ls.mu.Unlock()
		if !ok {
			w.WriteHeader(401)
			io.WriteString(w, `{"error":["Unauthorized"],"result":null}`)
			return
		}
		io.WriteString(w, okList)
	default:
		w.WriteHeader(404)
	}
}

func TestLogin(t *testing.T) {
	for _, bare := range []bool{false, true} {
		t.Run(fmt.Sprintf("bare token %v", bare), func(t *testing.T) {
			ls := newLoginServer(t, bare)
			c, err := Login(ctxT(t), ls.URL, "admin", testPassword)
			if err != nil {
				t.Fatal(err)
			}
			if c.currentToken() != "tok-1" {
				t.Errorf("token %q", c.currentToken())
			}
			if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestLoginWrongPassword(t *testing.T) {
	ls := newLoginServer(t, false)
	var logs bytes.Buffer
	c := NewClient(ls.URL, "")
	c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
	err := c.Login(ctxT(t), "admin", "wrong-"+testPassword)
	var re *RequestError
	if !errors.As(err, &re) || re.Status != 401 || re.Path != "login.json" {
		t.Fatalf("error %v", err)
	}
	if !strings.Contains(err.Error(), "Invalid username or password") {
		t.Errorf("message %q", err)
	}
	for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), logs.String()} {
		if strings.Contains(s, "HUSH") {
			t.Errorf("the password shows: %s", s)
		}
	}
	if ls.logins.Load() != 0 {
		t.Error("wrong password accepted")
	}
	if _, err := Login(ctxT(t), ls.URL, "", "x"); err == nil {
		t.Error("empty username accepted")
	}
}

func TestLoginAnswerWithoutToken(t *testing.T) {
	s := newScripted(t, cannedAnswer{200, nil, `{"error":[],"result":{"user":"admin"}}`})
	_, err := Login(ctxT(t), s.URL, "admin", testPassword)
	if err == nil || !strings.Contains(err.Error(), "no access token") {
		t.Fatalf("error %v", err)
	}
}

func TestSignInAgainOn401(t *testing.T) {
	ls := newLoginServer(t, false)
	c, err := Login(ctxT(t), ls.URL, "admin", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	ls.expire()
	// Many requests at once meet the expired token: one sign-in serves them all.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
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
	if n := ls.logins.Load(); n != 2 {
		t.Errorf("%d sign-ins, want the first and one more", n)
	}
	if c.currentToken() != "tok-2" {
		t.Errorf("token %q", c.currentToken())
	}
}

func TestSignInAgainOnlyOnce(t *testing.T) {
	// A server that refuses every token: the client signs in again once, then reports 401.
	var logins, reads atomic.Int32
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v6/login.json" {
			fmt.Fprintf(w, `{"error":[],"result":{"accessToken":"tok-%d"}}`, logins.Add(1))
			return
		}
		reads.Add(1)
		w.WriteHeader(401)
		io.WriteString(w, `{"error":["Unauthorized"],"result":null}`)
	}))
	defer s.Close()
	c, err := Login(ctxT(t), s.URL, "admin", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Execute(ctxT(t), BuildReadRequest("Users"))
	var re *RequestError
	if !errors.As(err, &re) || re.Status != 401 {
		t.Fatalf("error %v", err)
	}
	if logins.Load() != 2 || reads.Load() != 2 {
		t.Errorf("%d sign-ins, %d reads; want 2 and 2", logins.Load(), reads.Load())
	}
}

func TestNoSignInWithoutLogin(t *testing.T) {
	ls := newLoginServer(t, false)
	_, err := NewClient(ls.URL, "static-token").Execute(ctxT(t), BuildReadRequest("Users"))
	var re *RequestError
	if !errors.As(err, &re) || re.Status != 401 || ls.logins.Load() != 0 {
		t.Fatalf("error %v, %d sign-ins", err, ls.logins.Load())
	}
}
