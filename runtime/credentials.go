package runtime

import (
	"regexp"
	"strings"
)

// credentialCall matches a call that takes credentials: new daktela.Client(url, token),
// Client.getInstance(url, token), daktela.login(url, user, password) (also through
// another name for the module or a destructured function).
var credentialCall = regexp.MustCompile(`\b(Client|getInstance|login)\s*\(`)

// credentialLiteral matches a string literal given to a name that holds a credential:
// token = "...", {password: '...'}, accessToken: `...`, TypeScript's
// password: string = "...", and an accessToken in a URL.
var credentialLiteral = regexp.MustCompile("(?i)(token|password|passwd|pwd|secret|api_?key)[\\w$]*[\"']?\\s*(?:[:=]|:\\s*[\\w$.<>\\[\\]|, ]+=)\\s*[\"'`]|accesstoken=")

// MentionsCredential reports whether JavaScript source text may hold a credential
// typed into it: it calls something that takes credentials (whatever its arguments), or
// gives a credential-named variable or property a string literal. Such text is kept out
// of what dkscript writes to disk on its own account: the REPL's history and .save
// files, and the transform cache (Options.TransformCache).
func MentionsCredential(src string) bool {
	if !strings.Contains(src, "Client") && !strings.Contains(src, "getInstance") && !strings.Contains(src, "login") &&
		!hasCredentialWord(src) {
		return false // the common case, without running the regular expressions over a whole file
	}
	return credentialCall.MatchString(src) || credentialLiteral.MatchString(src)
}

// credentialWords are the words credentialLiteral starts with, in lower case.
var credentialWords = []string{"token", "password", "passwd", "pwd", "secret", "apikey", "api_key"}

// hasCredentialWord reports whether s has one of credentialWords in any case.
func hasCredentialWord(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range credentialWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
