package jsweb

import (
	"encoding/base64"
	"strings"
)

// btoa encodes s, whose characters must all be at most U+00FF (one byte each), as
// base64; ok is false otherwise.
func btoa(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			return "", false
		}
		b = append(b, byte(r))
	}
	return base64.StdEncoding.EncodeToString(b), true
}

// atob's results besides success, as Node words them.
const (
	atobOK = iota
	atobBadCharacter
	atobBadLength
)

// atob decodes base64 as the HTML standard's forgiving decoder: ASCII whitespace is
// dropped, padding may be left out; each byte becomes the character of that code. The
// status tells a character outside base64 from text of the wrong length or padding.
func atob(s string) (string, int) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\f', '\r':
			return -1
		}
		return r
	}, s)
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '=') {
			return "", atobBadCharacter
		}
	}
	if len(s)%4 == 0 && strings.HasSuffix(s, "=") {
		s = strings.TrimSuffix(strings.TrimSuffix(s, "="), "=")
	}
	if len(s)%4 == 1 {
		return "", atobBadLength
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		return "", atobBadLength
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r), atobOK
}
