package daktela

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// credentials are what Login signed in with, kept to sign in again on a 401 answer.
type credentials struct {
	username, password string
}

// Login signs in with a username and password (POST login.json) and returns a client
// using the token it got. Such a client signs in again, once, when an answer is 401.
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
// the token it got from then on; the client signs in again, once, when an answer is 401.
// A failed sign-in is a [*RequestError] (401 for wrong credentials); the password never
// appears in an error or a log entry.
func (c *Client) Login(ctx context.Context, username, password string) error {
	st := c.comm.snapshot()
	tok, err := c.signIn(ctx, &st, username, password)
	if err != nil {
		return err
	}
	c.token.Store(&tok)
	c.creds.Store(&credentials{username: username, password: password})
	return nil
}

// signIn posts the credentials to login.json and returns the token the answer holds: the
// result is an object with accessToken, or (older servers) the bare token string.
func (c *Client) signIn(ctx context.Context, st *settings, username, password string) (string, error) {
	if username == "" {
		return "", errors.New("daktela: Login: the username is empty")
	}
	body, err := json.Marshal(map[string]string{"username": username, "password": password})
	if err != nil {
		return "", fmt.Errorf("daktela: Login: %w", err)
	}
	wr := wireRequest{Method: http.MethodPost, Path: "login.json", Body: body, Kind: kindSingle}
	// The request carries no token; the password (in the body) and the client's other
	// secrets are redacted from whatever the answer makes into text.
	sec := c.secretsFor("")
	sec.passwords = append(sec.passwords, password)
	ans, err := c.roundTrip(ctx, st, wr, sec)
	if err != nil {
		return "", err
	}
	if ans.status < 200 || ans.status > 299 {
		_, err := toResponse(wr, ans)
		return "", err
	}
	tok, err := tokenFromLogin(ans.body)
	if err != nil {
		return "", &RequestError{Method: wr.Method, Path: wr.Path, Status: ans.status, Err: err}
	}
	return tok, nil
}

// tokenFromLogin reads the token from a login.json answer.
func tokenFromLogin(body []byte) (string, error) {
	var env struct {
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(withoutBOM(body), &env); err != nil {
		return "", fmt.Errorf("the login answer is not JSON: %w", err)
	}
	res := bytes.TrimSpace(env.Result)
	var tok string
	switch {
	case len(res) > 0 && res[0] == '"':
		if err := json.Unmarshal(res, &tok); err != nil {
			return "", fmt.Errorf("the login answer's result is not a string: %w", err)
		}
	case len(res) > 0 && res[0] == '{':
		var obj struct {
			AccessToken string `json:"accessToken"`
		}
		if err := json.Unmarshal(res, &obj); err != nil {
			return "", fmt.Errorf("the login answer's result is not an object with accessToken: %w", err)
		}
		tok = obj.AccessToken
	}
	if tok == "" {
		return "", errors.New("the login answer holds no access token (want result.accessToken or a token string)")
	}
	return tok, nil
}

// signInAgain signs in with the stored credentials after staleToken got a 401. When
// another goroutine already replaced staleToken, it only waits for that.
func (c *Client) signInAgain(ctx context.Context, st *settings, staleToken string) error {
	select {
	case c.relogin <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-c.relogin }()
	if c.currentToken() != staleToken {
		return nil
	}
	cr := c.creds.Load()
	if cr == nil {
		return errors.New("daktela: the client has no credentials to sign in again")
	}
	tok, err := c.signIn(ctx, st, cr.username, cr.password)
	if err != nil {
		return err
	}
	c.token.Store(&tok)
	return nil
}
