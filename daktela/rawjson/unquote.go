package rawjson

import (
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

func validUTF8(b []byte) bool { return utf8.Valid(b) }

// Unquote decodes a JSON string literal including its quotes, as encoding/json does:
// invalid UTF-8 bytes and unpaired surrogate escapes become U+FFFD. ok is false when s is
// not a valid string literal.
func Unquote(s []byte) (string, bool) {
	b, ok := AppendUnquote(nil, s)
	if !ok {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), true
}

// AppendUnquote appends the decoded text of the JSON string literal s (with its quotes)
// to dst, as [Unquote] decodes it.
func AppendUnquote(dst, s []byte) ([]byte, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return dst, false
	}
	s = s[1 : len(s)-1]
	if dst == nil {
		dst = make([]byte, 0, len(s)+utf8.UTFMax)
	}
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			if r+1 >= len(s) {
				return dst, false
			}
			r++
			switch s[r] {
			case '"', '\\', '/':
				dst = append(dst, s[r])
				r++
			case 'b':
				dst = append(dst, '\b')
				r++
			case 'f':
				dst = append(dst, '\f')
				r++
			case 'n':
				dst = append(dst, '\n')
				r++
			case 'r':
				dst = append(dst, '\r')
				r++
			case 't':
				dst = append(dst, '\t')
				r++
			case 'u':
				rr := hex4(s[r+1:])
				if rr < 0 {
					return dst, false
				}
				r += 5
				if utf16.IsSurrogate(rr) {
					rr1 := rune(-1)
					if r+1 < len(s) && s[r] == '\\' && s[r+1] == 'u' {
						rr1 = hex4(s[r+2:])
					}
					if dec := utf16.DecodeRune(rr, rr1); dec != utf8.RuneError {
						r += 6
						dst = utf8.AppendRune(dst, dec)
						break
					}
					rr = utf8.RuneError
				}
				dst = utf8.AppendRune(dst, rr)
			default:
				return dst, false
			}
		case c == '"' || c < 0x20:
			return dst, false
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			dst = utf8.AppendRune(dst, rr)
		}
	}
	return dst, true
}

// AppendUTF16 appends the JavaScript (UTF-16) form of the JSON string literal s (with its
// quotes) to dst. Unlike [Unquote] it keeps unpaired surrogate escapes as they are, as
// JSON.parse does; invalid UTF-8 bytes become U+FFFD. ok is false when s is not a valid
// string literal.
func AppendUTF16(dst []uint16, s []byte) ([]uint16, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return dst, false
	}
	s = s[1 : len(s)-1]
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			if r+1 >= len(s) {
				return dst, false
			}
			r++
			var e uint16
			switch s[r] {
			case '"', '\\', '/':
				e = uint16(s[r])
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			case 'n':
				e = '\n'
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			case 'u':
				rr := hex4(s[r+1:])
				if rr < 0 {
					return dst, false
				}
				dst = append(dst, uint16(rr))
				r += 5
				continue
			default:
				return dst, false
			}
			dst = append(dst, e)
			r++
		case c == '"' || c < 0x20:
			return dst, false
		case c < utf8.RuneSelf:
			dst = append(dst, uint16(c))
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			if rr >= 0x10000 {
				r1, r2 := utf16.EncodeRune(rr)
				dst = append(dst, uint16(r1), uint16(r2))
			} else {
				dst = append(dst, uint16(rr))
			}
		}
	}
	return dst, true
}

// HasLoneSurrogate reports whether the JSON string literal s has a \u escape of a
// surrogate that is not part of a valid pair; such strings cannot be held in UTF-8.
func HasLoneSurrogate(s []byte) bool {
	for r := 0; r+5 < len(s); r++ {
		if s[r] != '\\' {
			continue
		}
		if s[r+1] != 'u' {
			r++ // skip the escaped character (it may be a backslash)
			continue
		}
		rr := hex4(s[r+2:])
		if !utf16.IsSurrogate(rr) {
			r += 5
			continue
		}
		if rr >= 0xDC00 {
			return true
		}
		if r+11 < len(s) && s[r+6] == '\\' && s[r+7] == 'u' {
			if lo := hex4(s[r+8:]); lo >= 0xDC00 && lo <= 0xDFFF {
				r += 11
				continue
			}
		}
		return true
	}
	return false
}

func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
