package daktela

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
)

// redacted replaces the access token wherever a message could show it.
const redacted = "REDACTED"

// redactString removes every form of token (raw, query-escaped, path-escaped) from s.
func redactString(s, token string) string {
	if token == "" {
		return s
	}
	for _, form := range tokenForms(token) {
		s = strings.ReplaceAll(s, form, redacted)
	}
	return s
}

// redactBody replaces the token in an answer's body before anything parses or keeps
// it: whoim.json echoes the token in user._sys.accessToken, and a script must never
// reach it. A body without the token is returned as it is.
func redactBody(body []byte, token string) []byte {
	if token == "" || len(body) == 0 {
		return body
	}
	for _, form := range tokenForms(token) {
		if bytes.Contains(body, []byte(form)) {
			body = bytes.ReplaceAll(body, []byte(form), []byte(redacted))
		}
	}
	return body
}

func tokenForms(token string) []string {
	forms := []string{token}
	if q := url.QueryEscape(token); q != token {
		forms = append(forms, q)
	}
	if p := url.PathEscape(token); p != token && p != url.QueryEscape(token) {
		forms = append(forms, p)
	}
	return forms
}

func containsToken(s, token string) bool {
	if token == "" {
		return false
	}
	for _, form := range tokenForms(token) {
		if strings.Contains(s, form) {
			return true
		}
	}
	return false
}

// redactError returns err without the token. net/http puts the whole URL, query
// included, into its *url.Error: that error is rebuilt around safeURL (the URL with the
// token replaced). Any other error whose text still shows the token becomes a
// [redactedError] that keeps only the text and the well-known sentinel errors.
func redactError(err error, token, safeURL string) error {
	if err == nil || token == "" {
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		inner := redactError(ue.Err, token, safeURL)
		rebuilt := &url.Error{Op: ue.Op, URL: safeURL, Err: inner}
		if ue == err { //nolint:errorlint // identity check: err is the *url.Error itself
			return rebuilt
		}
		// The *url.Error is wrapped in something else: keep only the safe text.
		return newRedactedError(err, token)
	}
	if containsToken(err.Error(), token) {
		return newRedactedError(err, token)
	}
	return err
}

// redactedError is an error whose text had the token in it: it keeps the text with the
// token replaced, and answers errors.Is for the sentinels callers test for (context
// cancellation and deadlines), never exposing the original error.
type redactedError struct {
	msg      string
	canceled bool
	deadline bool
}

func newRedactedError(err error, token string) *redactedError {
	return &redactedError{
		msg:      redactString(err.Error(), token),
		canceled: errors.Is(err, context.Canceled),
		deadline: errors.Is(err, context.DeadlineExceeded),
	}
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether target is a sentinel the original error matched.
func (e *redactedError) Is(target error) bool {
	switch target {
	case context.Canceled:
		return e.canceled
	case context.DeadlineExceeded:
		return e.deadline
	}
	return false
}

// Timeout reports whether the original error was a deadline (net.Error style).
func (e *redactedError) Timeout() bool { return e.deadline }
