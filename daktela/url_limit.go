package daktela

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// MaxURLBytes is the longest request target (the URL's path and query) a read may have:
// 8 KiB, the request line limit of common front proxies, which answer longer ones with
// 414 URI Too Long. A read filtered on thousands of values (an "in" list) goes past it.
const MaxURLBytes = 8192

// ErrURLTooLong is wrapped by the error of a read whose URL would be longer than
// MaxURLBytes. Nothing was sent.
var ErrURLTooLong = errors.New("the URL is too long")

// urlTooLongError says how long the URL would be and which part of the query makes it
// long.
type urlTooLongError struct {
	size    int
	culprit string
}

func (e *urlTooLongError) Error() string {
	return fmt.Sprintf("the URL would be %d bytes, longer than the %d that common front proxies accept "+
		"(they answer 414 URI Too Long); nothing was sent. %s", e.size, MaxURLBytes, e.culprit)
}

func (e *urlTooLongError) Unwrap() error { return ErrURLTooLong }

// checkURLLength refuses a read whose request target would be longer than MaxURLBytes.
func checkURLLength(t target) error {
	size := requestTargetLen(t.url)
	if size <= MaxURLBytes {
		return nil
	}
	return &urlTooLongError{size: size, culprit: longestQueryPart(t.wr.Query)}
}

// requestTargetLen is the length of u without its scheme and host: what the request line
// carries.
func requestTargetLen(u string) int {
	if i := strings.Index(u, "://"); i >= 0 {
		if j := strings.IndexByte(u[i+3:], '/'); j >= 0 {
			return len(u) - (i + 3 + j)
		}
	}
	return len(u)
}

// queryPart is one filter condition (or one other parameter) of a query and its size.
type queryPart struct {
	field, operator string
	values, bytes   int
}

// longestQueryPart names the part of query that takes the most bytes: a filter
// condition (its field, operator and number of values) or another parameter, with the
// advice to read in parts.
func longestQueryPart(query string) string {
	parts := make(map[string]*queryPart)
	var order []string
	for _, pair := range strings.Split(query, "&") {
		if pair == "" {
			continue
		}
		rawKey, value, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			key = rawKey
		}
		prefix, kind := conditionKey(key)
		p := parts[prefix]
		if p == nil {
			p = &queryPart{}
			parts[prefix] = p
			order = append(order, prefix)
		}
		p.bytes += len(pair) + 1
		v, err := url.QueryUnescape(value)
		if err != nil {
			v = value
		}
		switch kind {
		case "field":
			p.field = v
		case "operator":
			p.operator = v
		case "value":
			p.values++
		}
	}
	var best string
	for _, k := range order {
		if best == "" || parts[k].bytes > parts[best].bytes {
			best = k
		}
	}
	p := parts[best]
	if p == nil {
		return ""
	}
	if p.field != "" {
		return fmt.Sprintf("The filter on %q (%s, %d values, %d bytes) makes it long: read its values in parts, "+
			"one read per part (daktela.chunk(list, n) splits a list into lists of at most n).", p.field, p.operator, p.values, p.bytes)
	}
	return fmt.Sprintf("The query parameter %q (%d bytes) makes it long: read in parts.", best, p.bytes)
}

// conditionKey returns the filter condition a decoded query key belongs to
// ("filter[filters][1]") and which of its members it sets ("field", "operator",
// "value"); for other keys, the parameter's name ("fields" for "fields[3]") and "".
func conditionKey(key string) (prefix, kind string) {
	for _, m := range []string{"[field]", "[operator]", "[value]"} {
		if i := strings.LastIndex(key, m); i >= 0 && strings.HasPrefix(key, "filter") {
			return key[:i], m[1 : len(m)-1]
		}
	}
	if i := strings.IndexByte(key, '['); i >= 0 {
		return key[:i], ""
	}
	return key, ""
}
