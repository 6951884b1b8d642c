package daktela

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// redacted replaces a secret wherever a message could show it.
const redacted = "REDACTED"

// secrets are the credentials one request deals with: the access token it carries and
// every other secret the client holds (its current token, a sign-in password). They
// are the one place redaction happens: every text the client makes from what it sent
// or what a server answered (transport errors, the body of an error answer and so the
// API's error messages, redirect targets, log entries) goes through redact before it
// becomes an error or a log entry, and every answer's body loses the tokens before
// anything parses or keeps it (whoim.json echoes the token). A nil *secrets holds none.
type secrets struct {
	token     string   // the token the request carries ("" for none)
	tokens    []string // the client's other tokens (its current one)
	passwords []string // a sign-in password: redacted from error answers, not from data

	once       sync.Once
	forms      []string // every spelling of every secret, longest first
	tokenForms []string // every spelling of the tokens, longest first
}

// newSecrets returns the secrets of a request carrying token; tokens are the client's
// other tokens (empty ones are ignored).
func newSecrets(token string, tokens ...string) *secrets {
	return &secrets{token: token, tokens: tokens}
}

// empty reports whether there is no secret to hide.
func (s *secrets) empty() bool { return len(s.allForms()) == 0 }

// allForms returns every spelling of every secret, longest first.
func (s *secrets) allForms() []string {
	if s == nil {
		return nil
	}
	s.spell()
	return s.forms
}

// spell computes the spellings once.
func (s *secrets) spell() {
	s.once.Do(func() {
		add := func(dst []string, values ...string) []string {
			for _, v := range values {
				if v == "" {
					continue
				}
				for _, f := range secretForms(v) {
					if !slices.Contains(dst, f) {
						dst = append(dst, f)
					}
				}
			}
			slices.SortStableFunc(dst, func(a, b string) int { return len(b) - len(a) })
			return dst
		}
		s.tokenForms = add(nil, append([]string{s.token}, s.tokens...)...)
		s.forms = add(slices.Clone(s.tokenForms), s.passwords...)
	})
}

// redactTokens returns an answer's body with every token replaced (body itself when it
// holds none). A password is left: in the data a script reads, a short or common one
// would replace ordinary words, and a 2xx answer has no reason to echo it.
func (s *secrets) redactTokens(body []byte) []byte {
	if s == nil {
		return body
	}
	s.spell()
	return replaceForms(body, s.tokenForms)
}

// secretForms returns the ways v can be spelled in a URL or in JSON text: as it is,
// query- and path-escaped, and as a JSON string's content (Go's, and PHP's json_encode
// with "\/" and \u escapes), also escaped twice (a server echoing a request's JSON body
// inside its own JSON error message).
func secretForms(v string) []string {
	forms := []string{v, url.QueryEscape(v), url.PathEscape(v)}
	once := jsonForms(v)
	forms = append(forms, once...)
	for _, f := range once {
		forms = append(forms, jsonForms(f)...)
	}
	out := forms[:0]
	for _, f := range forms {
		if f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// jsonForms returns v as the content of a JSON string: as Go writes it, and as PHP's
// json_encode does (with "\/", and \u escapes for non-ASCII).
func jsonForms(v string) []string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return nil
	}
	j := strings.TrimSpace(b.String())
	j = j[1 : len(j)-1]
	php := strings.ReplaceAll(j, "/", `\/`)
	return []string{j, php, asciiJSON(php)}
}

// asciiJSON writes every non-ASCII rune of a JSON string's content as \uXXXX (UTF-16).
func asciiJSON(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// redact returns s with every secret replaced.
func (s *secrets) redact(text string) string {
	for _, f := range s.allForms() {
		if strings.Contains(text, f) {
			text = strings.ReplaceAll(text, f, redacted)
		}
	}
	return text
}

// redactBytes returns b with every secret replaced (b itself when it holds none).
func (s *secrets) redactBytes(b []byte) []byte { return replaceForms(b, s.allForms()) }

// replaceForms returns b with every form replaced (b itself when it holds none).
func replaceForms(b []byte, forms []string) []byte {
	for _, f := range forms {
		if bytes.Contains(b, []byte(f)) {
			b = bytes.ReplaceAll(b, []byte(f), []byte(redacted))
		}
	}
	return b
}

// in reports whether text holds a secret.
func (s *secrets) in(text string) bool {
	for _, f := range s.allForms() {
		if strings.Contains(text, f) {
			return true
		}
	}
	return false
}

// redactError returns err without a secret. net/http puts the whole URL, query
// included, into its *url.Error: that error is rebuilt around safeURL (the URL with the
// token replaced). Any other error whose text still shows a secret becomes a
// [redactedError] that keeps only the text and the well-known sentinel errors.
func redactError(err error, sec *secrets, safeURL string) error {
	if err == nil || sec.empty() {
		return err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		inner := redactError(ue.Err, sec, safeURL)
		rebuilt := &url.Error{Op: ue.Op, URL: safeURL, Err: inner}
		if ue == err { //nolint:errorlint // identity check: err is the *url.Error itself
			return rebuilt
		}
		// The *url.Error is wrapped in something else: keep only the safe text.
		return newRedactedError(err, sec)
	}
	if sec.in(err.Error()) {
		return newRedactedError(err, sec)
	}
	return err
}

// redactedError is an error whose text had a secret in it: it keeps the text with the
// secrets replaced, and answers errors.Is for the sentinels callers test for (context
// cancellation and deadlines, the package's own), never exposing the original error.
type redactedError struct {
	msg      string
	canceled bool
	deadline bool
	sentinel error // the package sentinel the original error wrapped, or nil
}

// packageSentinels are the errors a redacted error still answers errors.Is for.
var packageSentinels = []error{ErrRedirect, ErrResponseTooLarge, ErrBrokenAnswer, ErrOutcomeUnknown}

func newRedactedError(err error, sec *secrets) *redactedError {
	r := &redactedError{
		msg:      sec.redact(err.Error()),
		canceled: errors.Is(err, context.Canceled),
		deadline: errors.Is(err, context.DeadlineExceeded),
	}
	for _, s := range packageSentinels {
		if errors.Is(err, s) {
			r.sentinel = s
			break
		}
	}
	return r
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether target is a sentinel the original error matched.
func (e *redactedError) Is(target error) bool {
	switch target {
	case context.Canceled:
		return e.canceled
	case context.DeadlineExceeded:
		return e.deadline
	case nil:
		return false
	}
	return target == e.sentinel
}

// Timeout reports whether the original error was a deadline (net.Error style).
func (e *redactedError) Timeout() bool { return e.deadline }
