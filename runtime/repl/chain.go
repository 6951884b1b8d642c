package repl

import (
	"strings"
	"unicode"
)

// leadingDotHint is the answer to a line that starts with ".name": as in Node's REPL the
// entry before it already ran when it was entered, so the line cannot continue it; run
// on its own it would be a bare syntax error, and the chain's first half would have run
// silently unfinished (a request sent without the filter the next line adds).
const leadingDotHint = "Refused: the line starts with %q, but the entry before it already ran (an entry ends with its line). " +
	"To continue a chain on the next line, end the line with \".\", or paste the chain in .editor mode."

// leadingDot reports whether line starts a method chain's continuation, ".name", rather
// than a dot command (handled before), a number (.5) or a spread (...).
func leadingDot(line string) bool {
	t := strings.TrimSpace(line)
	if len(t) < 2 || t[0] != '.' {
		return false
	}
	r := []rune(t[1:])[0]
	return r == '_' || r == '$' || unicode.IsLetter(r)
}

// chainStart is the line's ".name" for the hint: up to the first character that cannot
// be part of a name.
func chainStart(line string) string {
	t := strings.TrimSpace(line)
	end := strings.IndexFunc(t[1:], func(r rune) bool {
		return !(r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	if end < 0 {
		return t
	}
	return t[:end+1]
}
