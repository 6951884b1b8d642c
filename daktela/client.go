package daktela

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
)

// Client talks to one Daktela V6 instance with one access token. It is safe for
// concurrent use; configure it (ApiCommunicator setters) before sharing it.
type Client struct {
	comm    *ApiCommunicator
	baseURL string
	token   atomic.Pointer[string]
	// creds are set by Login: the client then renews its sign-in (see Client.Login).
	creds atomic.Pointer[credentials]
	// sess is the refresh token and expiry of the last sign-in or refresh.
	sess atomic.Pointer[session]
	// relogin serialises renewing the sign-in (a one-slot semaphore that honours contexts).
	relogin chan struct{}
	// writes counts the writes sent per model, for the reads that page through it.
	writes writtenModels
}

// AuthMethod is how the access token travels.
type AuthMethod string

// The authentication methods (ApiCommunicator::AUTHENTICATION_METHOD_HEADER / _QUERY).
const (
	AuthHeader AuthMethod = "header" // X-AUTH-TOKEN header (default)
	AuthQuery  AuthMethod = "query"  // accessToken query parameter
)

// WriteIntent is a write that dry-run mode held back.
type WriteIntent struct {
	Method string
	Path   string // below /api/v6/, with the query, without the token; a path outside the API (an upload's) starts with "/"
	Body   []byte
}

// Progress reports how far a multi-page read has come.
type Progress struct {
	Model string
	Read  int  // records delivered so far
	Total int  // records expected (from the first page), 0 when unknown
	Done  bool // the read has finished (or failed)
}

// NewClient returns a client for the instance at baseURL (normalised as PHP does:
// "https://" is added when no scheme is given, a trailing slash dropped) using accessToken.
func NewClient(baseURL, accessToken string) *Client {
	c := &Client{
		comm:    newCommunicator(),
		baseURL: NormalizeURL(baseURL),
		relogin: make(chan struct{}, 1),
	}
	c.token.Store(&accessToken)
	return c
}

// NormalizeURL normalises an instance URL as the PHP connector does: "https://" is
// added when it starts with neither "http://" nor "https://", and one trailing slash is
// dropped. Surrounding spaces are trimmed.
func NormalizeURL(u string) string {
	u = strings.TrimSpace(u)
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		u = "https://" + u
	}
	return strings.TrimSuffix(u, "/")
}

// instances holds the clients GetInstance made, keyed by normalised URL and token.
var instances sync.Map

// GetInstance returns the client for baseURL and accessToken, creating it on first use
// (PHP's Client::getInstance): the same pair always gives the same client, also when
// called from several goroutines at once. URLs are compared after normalisation.
func GetInstance(baseURL, accessToken string) *Client {
	key := NormalizeURL(baseURL) + "\x00" + accessToken
	if c, ok := instances.Load(key); ok {
		return c.(*Client)
	}
	c, _ := instances.LoadOrStore(key, NewClient(baseURL, accessToken))
	return c.(*Client)
}

// BaseURL returns the normalised instance URL.
func (c *Client) BaseURL() string { return c.baseURL }

// ApiCommunicator returns the client's transport settings (PHP getApiCommunicator()).
func (c *Client) ApiCommunicator() *ApiCommunicator { return c.comm }

func (c *Client) currentToken() string { return *c.token.Load() }

// secretsFor returns the secrets of a request carrying token: that token, the client's
// current one (which a sign-in may have replaced), its refresh token and its sign-in
// password.
func (c *Client) secretsFor(token string) *secrets {
	s := newSecrets(token, c.currentToken())
	if ss := c.sess.Load(); ss != nil {
		s.tokens = append(s.tokens, ss.refreshToken)
	}
	if cr := c.creds.Load(); cr != nil {
		s.passwords = []string{cr.password}
	}
	return s
}

// Execute sends req and returns the parsed answer. A TypeAll read fetches every page
// (further pages concurrently once the first gives the total) and returns one response
// with all records. Non-2xx answers are errors: [*NotFoundError] for 404,
// [*RateLimitError] for a 429 not waited out, [*RequestError] otherwise.
//
// A mistake made while building req is returned before anything is sent. In dry-run
// mode (SetDryRun, ShareDryRun) creates, updates and deletes are not sent: they answer
// as [DryRun] describes.
func (c *Client) Execute(ctx context.Context, req Request) (*Response, error) {
	if isNilRequest(req) {
		return nil, errors.New("daktela: Execute: the request is nil")
	}
	if err := req.Err(); err != nil {
		return nil, err
	}
	st := c.comm.snapshot()
	if rr, ok := req.(*ReadRequest); ok && rr.RequestType() == TypeAll {
		return c.readAll(ctx, &st, rr)
	}
	wr, err := req.wire()
	if err != nil {
		return nil, err
	}
	if wr.Method != http.MethodGet {
		if st.dryRun != nil {
			return c.dryRunWrite(ctx, &st, req, wr)
		}
		defer c.writes.begin(req.Model())()
	}
	resp, err := c.do(ctx, &st, wr)
	if err != nil && wr.Method == http.MethodPost {
		err = createOutcome(err)
	}
	return resp, err
}

func isNilRequest(req Request) bool {
	switch r := req.(type) {
	case nil:
		return true
	case *ReadRequest:
		return r == nil
	case *CreateRequest:
		return r == nil
	case *UpdateRequest:
		return r == nil
	case *DeleteRequest:
		return r == nil
	}
	return false
}

// do sends one request and turns the answer into a response or an error. A client made
// by Login renews its token first when it is about to expire, and once when the answer
// is 401, then sends the request again.
func (c *Client) do(ctx context.Context, st *settings, wr wireRequest) (*Response, error) {
	if err := c.renewIfDue(ctx, st); err != nil {
		return nil, &RequestError{Method: wr.Method, Path: pathOf(wr), Err: err}
	}
	tok := c.currentToken()
	ans, err := c.roundTrip(ctx, st, wr, c.secretsFor(tok))
	if err != nil {
		return nil, err
	}
	if ans.status == http.StatusUnauthorized && c.creds.Load() != nil {
		if lerr := c.renew(ctx, st, tok, false); lerr == nil {
			if ans, err = c.roundTrip(ctx, st, wr, c.secretsFor(c.currentToken())); err != nil {
				return nil, err
			}
		} else if ctx.Err() != nil {
			return nil, &RequestError{Method: wr.Method, Path: pathOf(wr), Err: ctx.Err()}
		}
	}
	return toResponse(wr, ans)
}

func pathOf(wr wireRequest) string {
	if wr.Query == "" {
		return wr.Path
	}
	return wr.Path + "?" + wr.Query
}

// toResponse parses an answer (unless roundTrip did); non-2xx answers become the
// package's typed errors, a 2xx answer whose body is not valid JSON an error wrapping
// [ErrBrokenAnswer].
func toResponse(wr wireRequest, ans *answer) (*Response, error) {
	resp, perr := ans.resp, ans.perr
	if !ans.parsed {
		resp, perr = parseResponse(ans.status, ans.body, wr.Kind)
	}
	if resp == nil {
		resp = &Response{status: ans.status, kind: wr.Kind, body: ans.body}
	}
	if isSuccess(ans.status) {
		if perr != nil {
			return nil, &RequestError{Method: wr.Method, Path: pathOf(wr), Status: ans.status, Response: resp,
				Err: &brokenAnswerError{applied: wr.Method != http.MethodGet, retries: ans.retries, err: perr}}
		}
		return resp, nil
	}
	re := &RequestError{Method: wr.Method, Path: pathOf(wr), Status: ans.status, Errors: resp.Errors(), Response: resp}
	switch ans.status {
	case http.StatusNotFound:
		return nil, &NotFoundError{RequestError: re}
	case http.StatusTooManyRequests:
		return nil, &RateLimitError{RequestError: re, RetryAfter: ans.retryAfter}
	}
	return nil, re
}
