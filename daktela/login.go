package daktela

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// credentials are what Login signed in with, kept to sign in again when a refresh fails.
type credentials struct {
	username, password string
}

// session is what the last sign-in or refresh gave besides the access token.
type session struct {
	refreshToken string    // "" when the server sent none
	renewAt      time.Time // when to renew before sending; zero: only after a 401
}

// due reports whether the session should be renewed before the next request.
func (s *session) due(now time.Time) bool {
	return s != nil && !s.renewAt.IsZero() && !now.Before(s.renewAt)
}

// signedIn is what a login.json answer holds.
type signedIn struct {
	access, refresh string
	life            time.Duration // how long the access token lives; 0: unknown
}

// renewMargin is how long before its expiry a token is renewed: a minute (as other
// clients do with the API's one-hour tokens), a tenth of the life of a shorter one.
func renewMargin(life time.Duration) time.Duration {
	return min(time.Minute, life/10)
}

// Login signs in with a username and password (POST login.json) and returns a client
// using the token it got. Such a client renews its sign-in as [Client.Login] describes.
//
// To sign in with other transport settings (a longer timeout, TLS verification off),
// make the client with NewClient(baseURL, "") and call [Client.Login].
func Login(ctx context.Context, baseURL, username, password string) (*Client, error) {
	c := NewClient(baseURL, "")
	if err := c.Login(ctx, username, password); err != nil {
		return nil, err
	}
	return c, nil
}

// Login signs this client in with a username and password (POST login.json) and uses
// the token it got from then on. The client keeps its sign-in alive: when the answer
// gave a refresh token and an expiry (accessTokenExpirationDate, read against the
// answer's _time, so the two machines' clocks need not agree), a request sent within a
// minute of the expiry (a tenth of a shorter token life) first renews the token with
// PUT login.json {refreshToken}; an answer 401 renews it the same way and sends the
// request again, once. Only when the refresh fails (or the server gave no refresh token)
// does the client sign in with the password again.
//
// A failed sign-in is a [*RequestError] (401 for wrong credentials). The password, the
// access tokens and the refresh tokens never appear in an error or a log entry.
func (c *Client) Login(ctx context.Context, username, password string) error {
	st := c.comm.snapshot()
	si, err := c.signIn(ctx, &st, username, password)
	if err != nil {
		return err
	}
	c.creds.Store(&credentials{username: username, password: password})
	c.keep(si)
	return nil
}

// keep stores what a sign-in or refresh gave: the session first, then the token, so a
// request that sees the new token never pairs it with the old session's expiry.
func (c *Client) keep(si signedIn) {
	s := &session{refreshToken: si.refresh}
	if si.life > 0 {
		s.renewAt = time.Now().Add(si.life - renewMargin(si.life))
	}
	c.sess.Store(s)
	c.token.Store(&si.access)
}

// loginSecrets are the secrets of a login.json request: every one the client holds, and
// extra, redacted from error answers and log entries but not from a successful answer,
// which carries the new tokens (a server may hand out the same token again).
func (c *Client) loginSecrets(extra ...string) *secrets {
	sec := newSecrets("")
	sec.passwords = append(sec.passwords, extra...)
	sec.passwords = append(sec.passwords, c.currentToken())
	if s := c.sess.Load(); s != nil {
		sec.passwords = append(sec.passwords, s.refreshToken)
	}
	if cr := c.creds.Load(); cr != nil {
		sec.passwords = append(sec.passwords, cr.password)
	}
	return sec
}

// signIn posts the credentials to login.json and returns what the answer holds.
func (c *Client) signIn(ctx context.Context, st *settings, username, password string) (signedIn, error) {
	if username == "" {
		return signedIn{}, errors.New("daktela: Login: the username is empty")
	}
	body, err := json.Marshal(map[string]string{"username": username, "password": password})
	if err != nil {
		return signedIn{}, fmt.Errorf("daktela: Login: %w", err)
	}
	wr := wireRequest{Method: http.MethodPost, Path: "login.json", Body: body, Kind: kindSingle}
	return c.loginCall(ctx, st, wr, c.loginSecrets(password))
}

// refresh renews the access token with a refresh token (PUT login.json).
func (c *Client) refresh(ctx context.Context, st *settings, refreshToken string) (signedIn, error) {
	body, err := json.Marshal(map[string]string{"refreshToken": refreshToken})
	if err != nil {
		return signedIn{}, fmt.Errorf("daktela: refresh: %w", err)
	}
	wr := wireRequest{Method: http.MethodPut, Path: "login.json", Body: body, Kind: kindSingle}
	return c.loginCall(ctx, st, wr, c.loginSecrets(refreshToken))
}

// loginCall sends a login.json request (it carries no access token) and reads the answer.
func (c *Client) loginCall(ctx context.Context, st *settings, wr wireRequest, sec *secrets) (signedIn, error) {
	ans, err := c.roundTrip(ctx, st, wr, sec)
	if err != nil {
		return signedIn{}, err
	}
	if ans.status < 200 || ans.status > 299 {
		_, err := toResponse(wr, ans)
		return signedIn{}, err
	}
	si, err := readLogin(ans.body)
	if err != nil {
		return signedIn{}, &RequestError{Method: wr.Method, Path: wr.Path, Status: ans.status, Err: err}
	}
	return si, nil
}

// loginTimeLayout is how the API writes _time and accessTokenExpirationDate.
const loginTimeLayout = "2006-01-02 15:04:05"

// readLogin reads a login.json answer: the result is an object with accessToken (and,
// from newer servers, refreshToken and accessTokenExpirationDate), or (older servers)
// the bare token string.
func readLogin(body []byte) (signedIn, error) {
	var env struct {
		Result json.RawMessage `json:"result"`
		Time   string          `json:"_time"`
	}
	if err := json.Unmarshal(withoutBOM(body), &env); err != nil {
		return signedIn{}, fmt.Errorf("the login answer is not JSON: %w", err)
	}
	res := bytes.TrimSpace(env.Result)
	var si signedIn
	switch {
	case len(res) > 0 && res[0] == '"':
		if err := json.Unmarshal(res, &si.access); err != nil {
			return signedIn{}, fmt.Errorf("the login answer's result is not a string: %w", err)
		}
	case len(res) > 0 && res[0] == '{':
		var obj struct {
			AccessToken  string `json:"accessToken"`
			RefreshToken string `json:"refreshToken"`
			Expires      string `json:"accessTokenExpirationDate"`
		}
		if err := json.Unmarshal(res, &obj); err != nil {
			return signedIn{}, fmt.Errorf("the login answer's result is not an object with accessToken: %w", err)
		}
		si.access, si.refresh = obj.AccessToken, obj.RefreshToken
		si.life = tokenLife(env.Time, obj.Expires)
	}
	if si.access == "" {
		return signedIn{}, errors.New("the login answer holds no access token (want result.accessToken or a token string)")
	}
	return si, nil
}

// tokenLife is how long a token lives: its expiry less the answer's _time, both the
// server's local time. 0 when either is missing or unreadable; at least a second
// otherwise (the times have whole seconds).
func tokenLife(now, expires string) time.Duration {
	t, err1 := time.Parse(loginTimeLayout, now)
	e, err2 := time.Parse(loginTimeLayout, expires)
	if err1 != nil || err2 != nil {
		return 0
	}
	return max(e.Sub(t), time.Second)
}

// renewIfDue renews the sign-in of a client made by Login when its token is about to
// expire. A failed renewal leaves the current token in use (the request then meets a
// 401, or not); only a cancelled context is an error.
func (c *Client) renewIfDue(ctx context.Context, st *settings) error {
	if c.creds.Load() == nil || !c.sess.Load().due(time.Now()) {
		return nil
	}
	err := c.renew(ctx, st, c.currentToken(), true)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	_ = err // the request goes out with the current token
	return nil
}

// renew replaces staleToken: with the refresh token when there is one, else (or when
// the refresh fails) by signing in with the stored credentials. When another goroutine
// already replaced staleToken (or, for a renewal before expiry, already renewed), it
// only waits for that.
func (c *Client) renew(ctx context.Context, st *settings, staleToken string, beforeExpiry bool) error {
	select {
	case c.relogin <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-c.relogin }()
	if c.currentToken() != staleToken || beforeExpiry && !c.sess.Load().due(time.Now()) {
		return nil
	}
	cr := c.creds.Load()
	if cr == nil {
		return errors.New("daktela: the client has no credentials to sign in again")
	}
	if s := c.sess.Load(); s != nil && s.refreshToken != "" {
		si, err := c.refresh(ctx, st, s.refreshToken)
		if err == nil {
			c.keep(si)
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
	}
	si, err := c.signIn(ctx, st, cr.username, cr.password)
	if err != nil {
		return err
	}
	c.keep(si)
	return nil
}
