package daktela

// PLACEHOLDER API: the transport helper implements the bodies. The exported surface is the
// contract other packages code against.

import (
	"context"
	"errors"
	"iter"
	"log/slog"
	"net/http"
	"time"
)

// Client talks to one Daktela V6 instance with one access token. It is safe for
// concurrent use; configure it (ApiCommunicator setters) before sharing it.
type Client struct {
	comm *ApiCommunicator
}

// NewClient returns a client for the instance at baseURL (normalised as PHP does:
// "https://" is added when no scheme is given, a trailing slash dropped) using accessToken.
func NewClient(baseURL, accessToken string) *Client { panic("not implemented") }

// GetInstance returns the client for baseURL and accessToken, creating it on first use
// (PHP's Client::getInstance): the same pair always gives the same client.
func GetInstance(baseURL, accessToken string) *Client { panic("not implemented") }

// Login signs in with a username and password (POST login.json) and returns a client
// using the token it got. Such a client signs in again, once, when an answer is 401.
func Login(ctx context.Context, baseURL, username, password string) (*Client, error) {
	return nil, errors.New("not implemented")
}

// BaseURL returns the normalised instance URL.
func (c *Client) BaseURL() string { panic("not implemented") }

// ApiCommunicator returns the client's transport settings (PHP getApiCommunicator()).
func (c *Client) ApiCommunicator() *ApiCommunicator { return c.comm }

// Execute sends req and returns the parsed answer. A TypeAll read fetches every page
// (further pages concurrently once the first gives the total) and returns one response
// with all records. Non-2xx answers are errors: [*NotFoundError] for 404,
// [*RateLimitError] for a 429 not waited out, [*RequestError] otherwise.
func (c *Client) Execute(ctx context.Context, req Request) (*Response, error) {
	return nil, errors.New("not implemented")
}

// Ping reports whether the API answers (GET whoim.json).
func (c *Client) Ping(ctx context.Context) bool { panic("not implemented") }

// Health is the result of [Client.HealthCheck]; it marshals to the PHP connector's array
// keys.
type Health struct {
	Healthy    bool    `json:"healthy"`
	LatencyMs  float64 `json:"latency_ms"`
	StatusCode int     `json:"status_code,omitempty"`
	Error      string  `json:"error,omitempty"`
}

// HealthCheck calls whoim.json and reports health, latency and status or error.
func (c *Client) HealthCheck(ctx context.Context) Health { panic("not implemented") }

// AuthMethod is how the access token travels.
type AuthMethod string

// The authentication methods (ApiCommunicator::AUTHENTICATION_METHOD_HEADER / _QUERY).
const (
	AuthHeader AuthMethod = "header" // X-AUTH-TOKEN header (default)
	AuthQuery  AuthMethod = "query"  // accessToken query parameter
)

// RetryConfig is how transient failures are retried: exponential backoff with jitter.
type RetryConfig struct {
	MaxRetries             int
	BaseDelay              time.Duration
	MaxDelay               time.Duration
	Multiplier             float64
	RetryableStatusCodes   []int
	RetryOnConnectionError bool
}

// DefaultRetryConfig returns the PHP connector's defaults: 3 retries, 100 ms base delay,
// 10 s max, multiplier 2, statuses 500, 502, 503, 504, and connection errors.
func DefaultRetryConfig() RetryConfig { panic("not implemented") }

// AggressiveRetryConfig returns the PHP connector's aggressive preset (5 retries).
func AggressiveRetryConfig() RetryConfig { panic("not implemented") }

// DisabledRetryConfig returns a config that never retries.
func DisabledRetryConfig() RetryConfig { panic("not implemented") }

// RateLimitConfig is how HTTP 429 answers are handled.
type RateLimitConfig struct {
	AutoRetry   bool          // wait and retry
	MaxWait     time.Duration // never wait longer than this for one answer
	DefaultWait time.Duration // wait this long when Retry-After is missing
}

// DefaultRateLimitConfig returns the PHP connector's defaults: auto retry, 60 s max, 5 s
// default.
func DefaultRateLimitConfig() RateLimitConfig { panic("not implemented") }

// WriteIntent is a write that dry-run mode held back.
type WriteIntent struct {
	Method string
	Path   string // below /api/v6/, without the token
	Body   []byte
}

// Progress reports how far a multi-page read has come.
type Progress struct {
	Model string
	Read  int  // records delivered so far
	Total int  // records expected (from the first page), 0 when unknown
	Done  bool // the read has finished (or failed)
}

// ApiCommunicator holds a client's transport settings. Its setters are safe to call at
// any time; requests already under way keep the settings they started with.
type ApiCommunicator struct{}

// SetRequestTimeout sets the timeout of one HTTP request (default 30 s).
func (a *ApiCommunicator) SetRequestTimeout(d time.Duration) { panic("not implemented") }

// SetAuthenticationMethod chooses how the token travels (default AuthHeader).
func (a *ApiCommunicator) SetAuthenticationMethod(m AuthMethod) { panic("not implemented") }

// SetVerifySsl turns TLS certificate verification on (the default) or off.
func (a *ApiCommunicator) SetVerifySsl(verify bool) { panic("not implemented") }

// SetUserAgentSuffix appends suffix to the User-Agent "dkscript/<version>".
func (a *ApiCommunicator) SetUserAgentSuffix(suffix string) { panic("not implemented") }

// SetLogger sets the logger that gets one entry per HTTP attempt (method, path, status,
// duration, attempt, bytes); nil turns logging off.
func (a *ApiCommunicator) SetLogger(l *slog.Logger) { panic("not implemented") }

// SetHTTPClient replaces the HTTP client (proxies, custom transports).
func (a *ApiCommunicator) SetHTTPClient(hc *http.Client) { panic("not implemented") }

// SetRetryConfig sets how transient failures are retried.
func (a *ApiCommunicator) SetRetryConfig(rc RetryConfig) { panic("not implemented") }

// SetRateLimitConfig sets how 429 answers are handled.
func (a *ApiCommunicator) SetRateLimitConfig(rc RateLimitConfig) { panic("not implemented") }

// SetRateCap caps requests per second across the client (0 = no cap).
func (a *ApiCommunicator) SetRateCap(perSecond float64) { panic("not implemented") }

// SetConcurrency sets how many pages a multi-page read fetches at once (default 4).
func (a *ApiCommunicator) SetConcurrency(n int) { panic("not implemented") }

// SetDryRun turns dry-run mode on when fn is non-nil: creates, updates and deletes are
// handed to fn and not sent; Execute returns a response whose DryRun() is true.
func (a *ApiCommunicator) SetDryRun(fn func(WriteIntent)) { panic("not implemented") }

// SetProgress sets a function called as multi-page reads advance (nil = none).
func (a *ApiCommunicator) SetProgress(fn func(Progress)) { panic("not implemented") }

// Iterator streams the records of a read page by page. Get one from [Client.Iterate].
type Iterator struct{}

// IterateOption configures [Client.Iterate].
type IterateOption func(*iterateConfig)

type iterateConfig struct {
	pageSize    int
	maxItems    int
	stopOnError bool
	concurrency int
}

// PageSize sets the records per API call (default 1000, the API's maximum).
func PageSize(n int) IterateOption { return func(c *iterateConfig) { c.pageSize = n } }

// MaxItems stops after n records (0 = no limit).
func MaxItems(n int) IterateOption { return func(c *iterateConfig) { c.maxItems = n } }

// StopOnError chooses whether a failing page ends the iteration with its error (true,
// the default) or is skipped and listed by [Iterator.Skipped].
func StopOnError(stop bool) IterateOption { return func(c *iterateConfig) { c.stopOnError = stop } }

// Concurrency sets how many pages are fetched at once (default: the client's setting).
func Concurrency(n int) IterateOption { return func(c *iterateConfig) { c.concurrency = n } }

// Iterate returns an iterator over the records req reads, starting at req's skip. Nothing
// is sent until the iterator is used; each use reads afresh. Only the pages in flight are
// held in memory.
func (c *Client) Iterate(ctx context.Context, req *ReadRequest, opts ...IterateOption) *Iterator {
	panic("not implemented")
}

// All yields every record, in order; a failure ends it with the error.
func (it *Iterator) All() iter.Seq2[Record, error] { panic("not implemented") }

// Pages yields every page as a response, in order.
func (it *Iterator) Pages() iter.Seq2[*Response, error] { panic("not implemented") }

// First returns the first record, or nil when there is none.
func (it *Iterator) First() (Record, error) { panic("not implemented") }

// ToArray collects every record.
func (it *Iterator) ToArray() ([]Record, error) { panic("not implemented") }

// Count counts the records (reading only the first page when the total makes it exact).
func (it *Iterator) Count() (int, error) { panic("not implemented") }

// IsEmpty reports whether there is no record.
func (it *Iterator) IsEmpty() (bool, error) { panic("not implemented") }

// Each calls fn for every record; an error from fn stops it and is returned.
func (it *Iterator) Each(fn func(Record) error) error { panic("not implemented") }

// Filter yields the records pred accepts, lazily.
func (it *Iterator) Filter(pred func(Record) bool) iter.Seq2[Record, error] {
	panic("not implemented")
}

// Skipped lists pages skipped with StopOnError(false) during the last use.
func (it *Iterator) Skipped() []PageError { panic("not implemented") }
