package daktela

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The defaults of the PHP connector's FormatHelper::getNormalizedPhoneNumber.
const (
	// DefaultIntlPrefix is the international prefix added to a national number
	// ("420", the Czech Republic).
	DefaultIntlPrefix = "420"
	// DefaultIntlLength is the length from which a number that starts with the prefix
	// is taken to be international already.
	DefaultIntlLength = 12
)

// GetNormalizedPhoneNumber normalises a phone number exactly as the PHP connector's
// FormatHelper::getNormalizedPhoneNumber($number, $plusSign, $intlPrefix, $intlLength)
// does since its release 2.6.0, with the same arguments (PHP's defaults are false,
// [DefaultIntlPrefix] and [DefaultIntlLength]). Releases before 2.6.0 removed spaces only
// and turned "" into "00420"; 2.6.0 strips the separators below and keeps "" as it is
// (its changelog and FormatHelperTest, testStripsCommonSeparators and
// testEmptyNumberStaysEmpty). The steps:
//
//  1. spaces, tabs and line breaks, '-', '(', ')', '.' and '/' are removed; an empty
//     result is returned as it is;
//  2. a number that starts with intlPrefix and is at least intlLength characters long
//     gets "+" (plusSign) or "00" in front;
//  3. a number that then starts with neither "+" nor "00" gets "+"/"00" and intlPrefix
//     in front;
//  4. a leading "+" and then a leading "00" are replaced by "+" or "00" as plusSign asks.
//
// Lengths count characters, not bytes (PHP's mb_ functions). The comparisons are PHP 8's
// loose "==": two numeric strings compare as numbers, so with plusSign "+0123" becomes
// "+123", because "+0" == "00" in PHP. PHP's null input (null output) is left to the
// caller; the JavaScript binding maps null to null.
//
// It only rearranges characters: it does not know the numbering plans, so two ways of
// writing one number may stay different ("0601037113" gives "004200601037113"). To
// compare, group or deduplicate numbers use [NormalizePhone].
func GetNormalizedPhoneNumber(number string, plusSign bool, intlPrefix string, intlLength int) string {
	number = stripPhoneSeparators(number)
	if number == "" {
		return number
	}
	lead := "00"
	if plusSign {
		lead = "+"
	}
	if phpLooseEqual(mbPrefix(number, utf8.RuneCountInString(intlPrefix)), intlPrefix) &&
		utf8.RuneCountInString(number) >= intlLength {
		number = lead + number
	}
	if !phpLooseEqual(mbPrefix(number, 1), "+") && !phpLooseEqual(mbPrefix(number, 2), "00") {
		number = lead + intlPrefix + number
	}
	if phpLooseEqual(mbPrefix(number, 1), "+") {
		number = lead + mbRest(number, 1)
	}
	if phpLooseEqual(mbPrefix(number, 2), "00") {
		number = lead + mbRest(number, 2)
	}
	return number
}

// stripPhoneSeparators removes the bytes the PHP connector's FormatHelper (2.6.0) removes
// with the regular expression /[\s\-().\/]/, replaced by the empty string: without the
// /u flag it works on bytes, and \s is ASCII white space (space, \t, \n, \v, \f, \r);
// none of these bytes occurs inside a UTF-8 sequence.
func stripPhoneSeparators(s string) string {
	drop := func(c byte) bool {
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r', '-', '(', ')', '.', '/':
			return true
		}
		return false
	}
	i := 0
	for i < len(s) && !drop(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	for ; i < len(s); i++ {
		if !drop(s[i]) {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// mbPrefix returns the first n characters of s (PHP's mb_substr($s, 0, $n)); an invalid
// byte counts as one character.
func mbPrefix(s string, n int) string {
	if n <= 0 {
		return ""
	}
	i := 0
	for c := 0; c < n && i < len(s); c++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// mbRest returns s without its first n characters (PHP's mb_substr($s, $n)).
func mbRest(s string, n int) string {
	return s[len(mbPrefix(s, n)):]
}

// phpLooseEqual compares two strings as PHP 8's == does: as numbers when both are
// numeric strings, byte for byte otherwise.
func phpLooseEqual(a, b string) bool {
	na, okA := parsePHPNumeric(a)
	nb, okB := parsePHPNumeric(b)
	if !okA || !okB {
		return a == b
	}
	if na.isInt && nb.isInt {
		return na.i == nb.i
	}
	if na.overflow != 0 && na.overflow == nb.overflow && na.f == nb.f {
		// Both integers too large for an int, on the same side: PHP compares the text.
		return a == b
	}
	return na.f == nb.f
}

// phpNumber is a numeric string's value.
type phpNumber struct {
	isInt    bool
	i        int64
	f        float64
	overflow int // -1 or 1 when an integer string does not fit an int64
}

// parsePHPNumeric parses s as a PHP 8 numeric string: optional leading and trailing
// white space (" \t\n\r\v\f"), an optional sign, digits with an optional fraction (or a
// fraction alone), and an optional exponent.
func parsePHPNumeric(s string) (phpNumber, bool) {
	isWS := func(c byte) bool {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
	}
	start, end := 0, len(s)
	for start < end && isWS(s[start]) {
		start++
	}
	for end > start && isWS(s[end-1]) {
		end--
	}
	t := s[start:end]
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	digits := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
		digits++
	}
	isInt := true
	if i < len(t) && t[i] == '.' {
		isInt = false
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return phpNumber{}, false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		j := i + 1
		if j < len(t) && (t[j] == '+' || t[j] == '-') {
			j++
		}
		if j < len(t) && t[j] >= '0' && t[j] <= '9' {
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			isInt = false
			i = j
		}
	}
	if i != len(t) {
		return phpNumber{}, false
	}
	f, _ := strconv.ParseFloat(strings.TrimPrefix(t, "+"), 64)
	n := phpNumber{f: f}
	if isInt {
		v, err := strconv.ParseInt(t, 10, 64)
		if err == nil {
			n.isInt, n.i = true, v
		} else if f < 0 {
			n.overflow = -1
		} else {
			n.overflow = 1
		}
	}
	return n, true
}
