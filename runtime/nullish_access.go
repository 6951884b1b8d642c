package runtime

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// goja says "Cannot read property 'x' of undefined" when the value is null too, and
// "Cannot convert undefined or null to object" for an assignment to a property of
// either: it does not pass the value on, and a relation the API returns empty is null,
// so a report that said undefined sent people looking for a missing field. The report
// instead names the expression the script read through, taken from its source at the
// error's position, and says what the engine knows of it:
//
//	Cannot read property 'title' of ticket.contact, which is undefined or null
//
// A literal null or undefined is named as such. Where the source does not show the
// expression (a position the property name is not at), the message says "of undefined
// or null".

// nullishAccess rewords msg, a TypeError's message, for the error at file:line:col.
func (r *Runtime) nullishAccess(msg, file string, line, col int) string {
	const readPrefix, readSuffix = "Cannot read property '", "' of undefined"
	var prop, verb string
	switch {
	case strings.HasPrefix(msg, readPrefix) && strings.HasSuffix(msg, readSuffix):
		prop, verb = msg[len(readPrefix):len(msg)-len(readSuffix)], "read"
	case msg == "Cannot convert undefined or null to object":
		verb = "set"
	default:
		return msg
	}
	base, prop, ok := accessedThrough(r.sources[file], line, col, prop, verb == "set")
	switch {
	case !ok && verb == "set":
		return msg
	case !ok:
		return "Cannot " + verb + " property '" + prop + "' of undefined or null"
	case base == "null" || base == "undefined":
		return "Cannot " + verb + " property '" + prop + "' of " + base
	}
	return "Cannot " + verb + " property '" + prop + "' of " + base + ", which is undefined or null"
}

// maxAccessBase is the longest expression a message names; a longer one is shortened
// in its middle.
const maxAccessBase = 60

// accessedThrough finds, in src, the expression whose property the error at line:col
// (1-based; col at the property's name) accesses: for "a.b[0].c.name" at "name",
// "a.b[0].c". prop is the property's name as the message gives it ("" when it does not:
// it is then read from the source); a name at the position that differs means the
// position does not show the access, and ok is false. assign asks for an assignment:
// the name must be followed by "=" (not "==" or "=>").
func accessedThrough(src string, line, col int, prop string, assign bool) (base, name string, ok bool) {
	off, ok := offsetOf(src, line, col)
	if !ok {
		return "", prop, false
	}
	var before string
	if src[off] == '[' {
		// a computed access, a[key]: the message has the key's value
		if assign {
			return "", prop, false
		}
		before, name = strings.TrimRightFunc(src[:off], unicode.IsSpace), prop
		if strings.HasSuffix(before, "?.") {
			return "", prop, false
		}
		return chainBase(before, name)
	}
	name = identifierAt(src[off:])
	if name == "" || (prop != "" && name != prop) {
		return "", prop, false
	}
	if assign {
		rest := strings.TrimLeftFunc(src[off+len(name):], unicode.IsSpace)
		if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") || strings.HasPrefix(rest, "=>") {
			return "", prop, false
		}
	}
	before = strings.TrimRightFunc(src[:off], unicode.IsSpace)
	if !strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?.") {
		return "", name, false
	}
	return chainBase(strings.TrimRightFunc(before[:len(before)-1], unicode.IsSpace), name)
}

// chainBase returns the member expression before ends with, shortened to
// maxAccessBase, for the property name.
func chainBase(before, name string) (base, prop string, ok bool) {
	b := memberChain(before)
	if b == "" {
		return "", name, false
	}
	if n := utf8.RuneCountInString(b); n > maxAccessBase {
		runes := []rune(b)
		b = string(runes[:maxAccessBase/2-1]) + "…" + string(runes[n-maxAccessBase/2+1:])
	}
	return b, name, true
}

// offsetOf returns the byte offset of line:col in src.
func offsetOf(src string, line, col int) (int, bool) {
	if line < 1 || col < 1 {
		return 0, false
	}
	off := 0
	for i := 1; i < line; i++ {
		j := strings.IndexByte(src[off:], '\n')
		if j < 0 {
			return 0, false
		}
		off += j + 1
	}
	off += col - 1
	if off >= len(src) {
		return 0, false
	}
	return off, true
}

// identifierAt returns the identifier s starts with.
func identifierAt(s string) string {
	for i, c := range s {
		if !isIdentRune(c) || (i == 0 && unicode.IsDigit(c)) {
			return s[:i]
		}
	}
	return s
}

func isIdentRune(c rune) bool {
	return c == '_' || c == '$' || unicode.IsLetter(c) || unicode.IsDigit(c)
}

// memberChain returns the member expression s ends with ("a.b[0].c", "f(x).y",
// "a?.b", "(a || b)"), white space around its dots and TypeScript's non-null assertions
// ("a!.b!") left out; "" when s ends with none.
func memberChain(s string) string {
	var parts []string // the chain's pieces, last first
	i := len(s)
	for {
		if i > 1 && s[i-1] == '!' {
			i-- // TypeScript's non-null assertion, a.b!.c
		}
		start := i
		bracket := i > 0 && (s[i-1] == ')' || s[i-1] == ']')
		if bracket {
			if i = openingBracket(s[:i]); i < 0 {
				return ""
			}
		} else {
			for i > 0 {
				c, size := utf8.DecodeLastRuneInString(s[:i])
				if !isIdentRune(c) {
					break
				}
				i -= size
			}
			if i == start {
				return ""
			}
		}
		parts = append(parts, s[i:start])
		if bracket && i > 0 {
			// a call or an index on what stands before it: f(x), a[0], g()(), a?.[0]
			if c, _ := utf8.DecodeLastRuneInString(s[:i]); isIdentRune(c) || c == ')' || c == ']' {
				continue
			}
		}
		rest := strings.TrimRightFunc(s[:i], unicode.IsSpace)
		switch {
		case strings.HasSuffix(rest, "?."):
			parts = append(parts, "?.")
			rest = rest[:len(rest)-2]
		case strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "..") && !bracket:
			parts = append(parts, ".")
			rest = rest[:len(rest)-1]
		default:
			// the chain starts here: an identifier, or a group standing on its own
			return joinReversed(parts)
		}
		i = len(strings.TrimRightFunc(rest, unicode.IsSpace))
	}
}

// openingBracket returns the index of the bracket that opens the group s ends with,
// skipping strings and template literals inside it roughly; -1 when there is none.
func openingBracket(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return i
			}
		case '\'', '"', '`':
			q := s[i]
			for i--; i >= 0 && (s[i] != q || (i > 0 && s[i-1] == '\\')); i-- {
			}
			if i < 0 {
				return -1
			}
		case '\n':
			if depth > 8 {
				return -1
			}
		}
	}
	return -1
}

func joinReversed(parts []string) string {
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}
