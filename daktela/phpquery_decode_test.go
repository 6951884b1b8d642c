package daktela

import (
	"fmt"
	"strconv"
	"strings"
)

// A PHP-style query decoder for the tests: it parses a query string the way PHP's
// parse_str builds $_GET (bracketed keys into nested arrays, in order of first
// appearance), and prints the result in PHP's short array syntax, so golden values read
// like the PHP arrays the server sees. It is stricter than PHP: it rejects anything our
// encoder must never produce (a raw byte that urlencode would have escaped, a bad
// %-sequence, a key set twice, a key used both as a value and as an array).

// phpArray is an ordered PHP array; values are string or *phpArray.
type phpArray struct {
	keys []string
	vals map[string]any
	next int // the next index [] would append at
}

func newPHPArray() *phpArray { return &phpArray{vals: map[string]any{}} }

// get returns the value under k.
func (a *phpArray) get(k string) any { return a.vals[k] }

func (a *phpArray) set(k string, v any) {
	if _, ok := a.vals[k]; !ok {
		a.keys = append(a.keys, k)
	}
	a.vals[k] = v
	if n, err := strconv.Atoi(k); err == nil && strconv.Itoa(n) == k && n >= a.next {
		a.next = n + 1
	}
}

// decodePHPQuery parses q into a PHP array.
func decodePHPQuery(q string) (*phpArray, error) {
	root := newPHPArray()
	if q == "" {
		return root, nil
	}
	for _, pair := range strings.Split(q, "&") {
		if pair == "" {
			return nil, fmt.Errorf("empty pair in %q", q)
		}
		rawKey, rawVal, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fmt.Errorf("pair %q has no '='", pair)
		}
		key, err := phpURLDecode(rawKey)
		if err != nil {
			return nil, fmt.Errorf("key %q: %v", rawKey, err)
		}
		val, err := phpURLDecode(rawVal)
		if err != nil {
			return nil, fmt.Errorf("value %q: %v", rawVal, err)
		}
		path, err := splitPHPKey(key)
		if err != nil {
			return nil, err
		}
		if err := root.assign(path, val, key); err != nil {
			return nil, err
		}
	}
	return root, nil
}

// splitPHPKey splits "a[b][0]" into ["a", "b", "0"]; "[]" gives "" (append).
func splitPHPKey(key string) ([]string, error) {
	base, rest, _ := strings.Cut(key, "[")
	if base == "" {
		return nil, fmt.Errorf("key %q has no base name", key)
	}
	path := []string{base}
	if rest == "" && !strings.Contains(key, "[") {
		return path, nil
	}
	rest = "[" + rest
	for rest != "" {
		if rest[0] != '[' {
			return nil, fmt.Errorf("key %q: text after ']'", key)
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, fmt.Errorf("key %q: '[' without ']'", key)
		}
		path = append(path, rest[1:end])
		rest = rest[end+1:]
	}
	return path, nil
}

func (a *phpArray) assign(path []string, val, whole string) error {
	k := path[0]
	if k == "" {
		k = strconv.Itoa(a.next)
	}
	if len(path) == 1 {
		if _, dup := a.vals[k]; dup {
			return fmt.Errorf("key %q set twice", whole)
		}
		a.set(k, val)
		return nil
	}
	child, ok := a.vals[k]
	if !ok {
		sub := newPHPArray()
		a.set(k, sub)
		return sub.assign(path[1:], val, whole)
	}
	sub, ok := child.(*phpArray)
	if !ok {
		return fmt.Errorf("key %q used both as a value and as an array", whole)
	}
	return sub.assign(path[1:], val, whole)
}

// phpURLDecode decodes PHP's urlencode: '+' is a space, %XX a byte. Unlike PHP it
// rejects bytes urlencode never leaves raw, and bad %-sequences.
func phpURLDecode(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			b.WriteByte(' ')
		case c == '%':
			if i+2 >= len(s) || !isUpperHex(s[i+1]) || !isUpperHex(s[i+2]) {
				return "", fmt.Errorf("bad %%-sequence at %d", i)
			}
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '-':
			b.WriteByte(c)
		default:
			return "", fmt.Errorf("raw byte %q that urlencode escapes", c)
		}
	}
	return b.String(), nil
}

func isUpperHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

// String prints the array in PHP short syntax: a list (keys 0..n-1 in order) without
// its keys, other arrays with them; strings single-quoted.
func (a *phpArray) String() string {
	var b strings.Builder
	a.write(&b)
	return b.String()
}

func (a *phpArray) write(b *strings.Builder) {
	isList := true
	for i, k := range a.keys {
		if k != strconv.Itoa(i) {
			isList = false
			break
		}
	}
	b.WriteByte('[')
	for i, k := range a.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		if !isList {
			if n, err := strconv.Atoi(k); err == nil && strconv.Itoa(n) == k {
				b.WriteString(k)
			} else {
				b.WriteString(phpQuote(k))
			}
			b.WriteString(" => ")
		}
		switch v := a.vals[k].(type) {
		case string:
			b.WriteString(phpQuote(v))
		case *phpArray:
			v.write(b)
		}
	}
	b.WriteByte(']')
}

func phpQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
