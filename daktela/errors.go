package daktela

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// RequestError is the error for a request that failed: a non-2xx answer, or a transport
// failure (Status 0, Err set). Every other error type of the package wraps one, so
// errors.As(err, &requestErr) finds it for any failed request.
//
// No field ever holds the access token: Path and Err are redacted.
type RequestError struct {
	Method   string     // HTTP method
	Path     string     // path below /api/v6/, with the query and without the token
	Status   int        // HTTP status, 0 when no answer arrived
	Errors   APIErrors  // the answer's error member
	Response *Response  // the parsed answer, nil when none arrived
	Page     *PageError // for a multi-page read: which page failed
	Err      error      // the underlying transport error, or nil
}

// Error describes the failure: method, path, status and the API's messages. A path or
// messages longer than 1 KiB are cut, with their full size stated, and so is the middle
// of a message longer than 4 KiB (a transport error quoting a long URL).
func (e *RequestError) Error() string {
	var b strings.Builder
	b.WriteString("daktela: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(clip(e.Path))
	if e.Page != nil {
		fmt.Fprintf(&b, " (page at skip %d)", e.Page.Skip)
	}
	if e.Status != 0 {
		fmt.Fprintf(&b, ": HTTP %d %s", e.Status, http.StatusText(e.Status))
	}
	if msgs := e.Errors.Messages(); len(msgs) > 0 {
		b.WriteString(": ")
		b.WriteString(clip(strings.Join(msgs, "; ")))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "daktela: ")) // said once, at the start
	}
	return clipMiddle(b.String())
}

// Unwrap returns the transport error, if any.
func (e *RequestError) Unwrap() error { return e.Err }

// HTTPStatus returns the HTTP status (0 when no answer arrived).
func (e *RequestError) HTTPStatus() int { return e.Status }

// NotFoundError is a 404 answer, or a single read, update or delete without an object
// name (caught before anything is sent, Status 0).
type NotFoundError struct{ *RequestError }

// Unwrap returns the RequestError, so errors.As finds it too.
func (e *NotFoundError) Unwrap() error { return e.RequestError }

// RateLimitError is a 429 answer that was not (or no longer) waited out.
type RateLimitError struct {
	*RequestError
	// RetryAfter is how long the server asked to wait (0 when it did not say).
	RetryAfter time.Duration
}

// Unwrap returns the RequestError, so errors.As finds it too.
func (e *RateLimitError) Unwrap() error { return e.RequestError }

// RetryAfterSeconds returns RetryAfter in whole seconds, as PHP's getRetryAfterSeconds.
func (e *RateLimitError) RetryAfterSeconds() int {
	secs := e.RetryAfter / time.Second
	if e.RetryAfter%time.Second > 0 {
		secs++
	}
	return int(secs)
}

// ErrOutcomeUnknown is wrapped by the error of a write whose connection broke after the
// request was sent and before a status arrived: the server may or may not have applied
// it, so it was not retried.
// Check before sending it again.
var ErrOutcomeUnknown = errors.New("the request was sent but no answer arrived: it may or may not have been applied")

// ErrBrokenAnswer is wrapped by the error of a request whose answer has a 2xx status
// but a body that broke off or is not valid JSON.
//
// A read (GET) with such an answer is sent again, as for a retryable status, as often as
// the retry configuration allows (the log entry of each attempt says why); its error
// means the last answer was still broken. A create, update or delete is never sent
// again: its 2xx status says the server applied it, and only the answer is lost (a
// delete sent again would report a 404, a create would make a duplicate). So for a
// write, errors.Is(err, ErrBrokenAnswer) means it took effect; RequestError.Status holds
// the status and RequestError.Response has no record.
var ErrBrokenAnswer = errors.New("the answer has a success status but a broken body")

// brokenAnswerError is the Err of a RequestError for a 2xx answer whose body broke off
// or is not valid JSON; it wraps ErrBrokenAnswer and the cause.
type brokenAnswerError struct {
	applied bool // a write: it took effect and was not sent again
	retries int  // a read: how many times it was sent again
	err     error
}

func (e *brokenAnswerError) Error() string {
	msg := strings.TrimPrefix(e.err.Error(), "daktela: ")
	switch {
	case e.applied:
		return "the request took effect, but its answer is broken (so it was not sent again): " + msg
	case e.retries > 0:
		return fmt.Sprintf("%s (sent %d times)", msg, e.retries+1)
	}
	return msg
}

func (e *brokenAnswerError) Unwrap() []error { return []error{ErrBrokenAnswer, e.err} }

// ErrRequestLimit is wrapped by the error of a request refused because the client has
// sent as many HTTP requests as SetMaxRequests allows. Nothing was sent.
var ErrRequestLimit = errors.New("the client's request limit is reached")

// ErrResponseTooLarge is wrapped by the error of a request whose answer was longer than
// SetMaxResponseBytes allows. It is not retried.
var ErrResponseTooLarge = errors.New("the answer is larger than the client's response size limit")

// ErrTooManyPages is wrapped when a multi-page read reaches the page cap.
var ErrTooManyPages = errors.New("too many pages")

// UnknownRequestTypeError is the error for a read type other than "single", "multiple"
// or "all" (PHP's UnknownRequestTypeException).
type UnknownRequestTypeError struct{ Type string }

// Error names the wrong type and the allowed ones.
func (e *UnknownRequestTypeError) Error() string {
	return fmt.Sprintf("daktela: unknown request type %q (want %q, %q or %q)", e.Type, TypeSingle, TypeMultiple, TypeAll)
}
