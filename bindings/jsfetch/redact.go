package jsfetch

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// secretWords are the parts of query parameter names whose values are redacted from
// logs and errors: access_token, apiKey, client_secret, password, sig, ...
var secretWords = []string{"token", "key", "secret", "pass", "pwd", "auth", "sig", "session", "credential", "jwt", "cookie"}

// redactURL returns u for logs and errors: its user info and the values of query
// parameters whose names look secret are "REDACTED".
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	if c.User != nil {
		c.User = url.User("REDACTED")
	}
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		for i, p := range parts {
			name, _, hasValue := strings.Cut(p, "=")
			if hasValue && secretName(name) {
				parts[i] = name + "=REDACTED"
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

func secretName(name string) bool {
	if n, err := url.QueryUnescape(name); err == nil {
		name = n
	}
	name = strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// toUTF8 returns s (a goja string, whose lone surrogates Go sees as U+FFFD) as UTF-8.
func toUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}
