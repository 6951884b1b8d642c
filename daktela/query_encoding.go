package daktela

import (
	"math"
	"reflect"
	"sort"
	"strconv"
	"sync"
)

// The query string, encoded as the PHP connector sends it: PHP's http_build_query with
// its defaults (RFC 1738 encoding: spaces as '+', every byte but [A-Za-z0-9._-]
// percent-encoded with upper-case hex, brackets of nested keys as %5B and %5D, '&'
// between pairs), which the connector appends to the URI it hands to Guzzle unchanged.

// phpQuery builds an http_build_query string. key holds the encoded key of the current
// nesting level; enter and leave move it down and back up.
type phpQuery struct {
	buf []byte
	key []byte
}

// queryPool recycles encoders: a page's query is encoded for every page of a long read.
var queryPool = sync.Pool{New: func() any { return new(phpQuery) }}

// getQuery returns an empty encoder whose buffer holds at least size bytes.
func getQuery(size int) *phpQuery {
	q := queryPool.Get().(*phpQuery)
	if cap(q.buf) < size {
		q.buf = make([]byte, 0, size)
	}
	if q.key == nil {
		q.key = make([]byte, 0, 128)
	}
	return q
}

// putQuery returns q to the pool unless it grew very large.
func putQuery(q *phpQuery) {
	if cap(q.buf) > 64<<10 || cap(q.key) > 4<<10 {
		return
	}
	q.buf, q.key = q.buf[:0], q.key[:0]
	queryPool.Put(q)
}

// enter descends into key k: at the top the key itself, below it "%5Bk%5D". It returns
// the mark to give leave.
func (q *phpQuery) enter(k string) int {
	n := len(q.key)
	if n == 0 {
		q.key = appendURLEncoded(q.key, k)
		return n
	}
	q.key = append(q.key, "%5B"...)
	q.key = appendURLEncoded(q.key, k)
	q.key = append(q.key, "%5D"...)
	return n
}

// enterIndex descends into the list index i.
func (q *phpQuery) enterIndex(i int) int {
	n := len(q.key)
	if n > 0 {
		q.key = append(q.key, "%5B"...)
	}
	q.key = strconv.AppendInt(q.key, int64(i), 10)
	if n > 0 {
		q.key = append(q.key, "%5D"...)
	}
	return n
}

func (q *phpQuery) leave(mark int) { q.key = q.key[:mark] }

// value writes the pair "key=value" for the current key.
func (q *phpQuery) value(v string) {
	if len(q.buf) > 0 {
		q.buf = append(q.buf, '&')
	}
	q.buf = append(q.buf, q.key...)
	q.buf = append(q.buf, '=')
	q.buf = appendURLEncoded(q.buf, v)
}

// intValue writes the pair "key=n".
func (q *phpQuery) intValue(n int) {
	if len(q.buf) > 0 {
		q.buf = append(q.buf, '&')
	}
	q.buf = append(q.buf, q.key...)
	q.buf = append(q.buf, '=')
	q.buf = strconv.AppendInt(q.buf, int64(n), 10)
}

// field writes "key[k]=v".
func (q *phpQuery) field(k, v string) {
	m := q.enter(k)
	q.value(v)
	q.leave(m)
}

// strings writes a list as "key[k][0]=..&key[k][1]=..".
func (q *phpQuery) strings(k string, list []string) {
	m := q.enter(k)
	for i, s := range list {
		n := q.enterIndex(i)
		q.value(s)
		q.leave(n)
	}
	q.leave(m)
}

// filters writes a list of filters and groups under the current key's "filters".
func (q *phpQuery) filters(list []Filter) {
	m := q.enter("filters")
	for i := range list {
		n := q.enterIndex(i)
		q.filter(&list[i])
		q.leave(n)
	}
	q.leave(m)
}

// filter writes one condition (field, operator, value, ignoreCase) or group (logic, then
// filters, as PHP's normalizeFilterGroup orders a nested group).
func (q *phpQuery) filter(f *Filter) {
	if f.IsGroup() {
		q.field("logic", f.Logic)
		q.filters(f.Filters)
		return
	}
	q.field("field", f.Field)
	q.field("operator", f.Operator)
	switch v := f.Value.(type) {
	case string:
		q.field("value", v)
	case []string:
		q.strings("value", v)
	case nil:
	default:
		// Not normalised (a Filter built by hand and never checked): encode it as PHP
		// would encode the value.
		m := q.enter("value")
		q.any(v, 0)
		q.leave(m)
	}
	if f.IgnoreCase {
		q.field("ignoreCase", "true")
	}
}

// filterShape records how PHP's appendFilterGroup would hold the filters of a read
// request, which decides the order and nesting of the top-level filter keys.
type filterShape uint8

const (
	// shapeList: ['filters' => [...], 'logic' => 'and'] — the first group added was
	// combined by AND (addFilter, a list, an "and" group).
	shapeList filterShape = iota
	// shapeGroup: the only filter is a group PHP holds as the top level itself,
	// ['filters' => [...], 'logic' => 'or'] — a top-level {logic: or, filters} group.
	shapeGroup
	// shapeWrapped: ['logic' => 'and', 'filters' => [the first group, ...]] — something
	// was added after such a top-level group, which PHP then nests.
	shapeWrapped
)

// topFilter writes a read request's filters under "filter". Nothing is written when
// there are none (PHP's http_build_query drops empty arrays).
func (q *phpQuery) topFilter(r *ReadRequest) {
	list := r.filters
	if !r.hasFilters() {
		return
	}
	m := q.enter("filter")
	switch {
	case r.filterShape == shapeGroup && len(list) == 1 && len(r.conds) == 0 && list[0].IsGroup():
		q.filters(list[0].Filters)
		q.field("logic", list[0].Logic)
	case r.filterShape == shapeWrapped:
		q.field("logic", "and")
		q.topFilters(list, r.conds)
	default:
		q.topFilters(list, r.conds)
		q.field("logic", "and")
	}
	q.leave(m)
}

// topFilters writes a read request's top-level filters and string conditions under
// "filters", in the order they were added (see condition).
func (q *phpQuery) topFilters(list []Filter, conds []condition) {
	m := q.enter("filters")
	i, c := 0, 0
	for k := 0; k <= len(list); k++ {
		for ; c < len(conds) && conds[c].before <= k; c++ {
			n := q.enterIndex(i)
			q.condition(conds[c].field, conds[c].operator, conds[c].value)
			q.leave(n)
			i++
		}
		if k < len(list) {
			n := q.enterIndex(i)
			q.filter(&list[k])
			q.leave(n)
			i++
		}
	}
	q.leave(m)
}

// condition writes a condition with a string value, as filter would write it.
func (q *phpQuery) condition(field, operator, value string) {
	q.field("field", field)
	q.field("operator", operator)
	q.field("value", value)
}

// sorts writes "sort[i][field]" and "sort[i][dir]".
func (q *phpQuery) sorts(list []Sort) {
	if len(list) == 0 {
		return
	}
	m := q.enter("sort")
	for i, s := range list {
		n := q.enterIndex(i)
		q.field("field", s.Field)
		q.field("dir", s.Dir)
		q.leave(n)
	}
	q.leave(m)
}

// maxQueryDepth bounds the nesting of additional query parameter values.
const maxQueryDepth = 32

// any writes a value of an additional query parameter as http_build_query does: null
// dropped, booleans 1/0, numbers in PHP's format, lists by index, maps by key (sorted,
// as Go maps have no order); empty lists and maps write nothing.
func (q *phpQuery) any(v any, depth int) {
	if v == nil || depth > maxQueryDepth {
		return
	}
	if s, ok := scalarString(v); ok {
		q.value(s)
		return
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Float32, reflect.Float64:
		q.value(phpFloatString(rv.Float()))
	case reflect.Slice, reflect.Array:
		for i := 0; i < rv.Len(); i++ {
			n := q.enterIndex(i)
			q.any(rv.Index(i).Interface(), depth+1)
			q.leave(n)
		}
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return
		}
		keys := make([]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		for _, k := range keys {
			n := q.enter(k)
			q.any(rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface(), depth+1)
			q.leave(n)
		}
	case reflect.Pointer, reflect.Interface:
		if !rv.IsNil() {
			q.any(rv.Elem().Interface(), depth+1)
		}
	}
}

// checkQueryValue reports what is wrong with an additional query parameter's value, or
// "" when http_build_query can encode it: null, a string, a bool, a finite number, or
// lists and string-keyed maps of them.
func checkQueryValue(v any, depth int) string {
	if v == nil {
		return ""
	}
	if depth > maxQueryDepth {
		return "nested at most " + strconv.Itoa(maxQueryDepth) + " levels deep (is it a cycle?)"
	}
	if _, ok := scalarString(v); ok {
		return ""
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return "a finite number"
		}
		return ""
	case reflect.Slice, reflect.Array:
		for i := 0; i < rv.Len(); i++ {
			if w := checkQueryValue(rv.Index(i).Interface(), depth+1); w != "" {
				return w
			}
		}
		return ""
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return "a map with string keys"
		}
		iter := rv.MapRange()
		for iter.Next() {
			if w := checkQueryValue(iter.Value().Interface(), depth+1); w != "" {
				return w
			}
		}
		return ""
	}
	return "a string, number, bool, or a list or map of them"
}

// queryParam is one top-level entry of the query, in PHP array order.
type queryParam struct {
	key   string
	kind  queryKind
	extra any // for kindExtra
}

type queryKind uint8

const (
	kindExtra queryKind = iota
	kindSkip
	kindTake
	kindFilter
	kindSort
	kindFields
)

// setParam sets key in params as a PHP associative array would: a key already present
// keeps its place and takes the new value; a new key goes to the end.
func setParam(params []queryParam, p queryParam) []queryParam {
	for i := range params {
		if params[i].key == p.key {
			params[i] = p
			return params
		}
	}
	return append(params, p)
}

// readQuery encodes a read request's query as the PHP connector builds it. For a list
// read (list true): array_merge(additional parameters, [skip, take, filter, sort]) and
// then fields, so additional parameters come first and one named like a standard
// parameter is overwritten in its place. A single read sends the additional parameters
// and the fields only.
func readQuery(r *ReadRequest, skip int, list bool) string {
	var stack [8]queryParam
	params := stack[:0]
	for _, e := range r.extra {
		params = setParam(params, queryParam{key: e.Key, extra: e.Value})
	}
	if list {
		params = setParam(params, queryParam{key: "skip", kind: kindSkip})
		params = setParam(params, queryParam{key: "take", kind: kindTake})
		params = setParam(params, queryParam{key: "filter", kind: kindFilter})
		params = setParam(params, queryParam{key: "sort", kind: kindSort})
	}
	if len(r.fields) > 0 {
		params = setParam(params, queryParam{key: "fields", kind: kindFields})
	}
	q := getQuery(estimateReadQuery(r))
	defer putQuery(q)
	for _, p := range params {
		switch p.kind {
		case kindExtra:
			m := q.enter(p.key)
			q.any(p.extra, 0)
			q.leave(m)
		case kindSkip:
			m := q.enter("skip")
			q.intValue(skip)
			q.leave(m)
		case kindTake:
			m := q.enter("take")
			q.intValue(r.take)
			q.leave(m)
		case kindFilter:
			q.topFilter(r)
		case kindSort:
			q.sorts(r.sorts)
		case kindFields:
			q.strings("fields", r.fields)
		}
	}
	return string(q.buf)
}

// estimateReadQuery returns about how long a read request's query will be, so that its
// buffer is allocated once.
func estimateReadQuery(r *ReadRequest) int {
	n := 32 + estimateFilters(r.filters, 24)
	for _, c := range r.conds {
		n += 3*48 + 48 + 3*(len(c.field)+len(c.value))/2
	}
	for _, s := range r.sorts {
		n += 48 + 3*len(s.Field)/2
	}
	for _, f := range r.fields {
		n += 16 + 3*len(f)/2
	}
	for _, e := range r.extra {
		n += 16 + len(e.Key)
		if s, ok := e.Value.(string); ok {
			n += 3 * len(s) / 2
		} else {
			n += 64
		}
	}
	return n
}

// estimateFilters estimates the encoded length of filters whose keys start with a prefix
// of prefix bytes.
func estimateFilters(list []Filter, prefix int) int {
	n := 0
	for i := range list {
		f := &list[i]
		p := prefix + 24 // "%5Bfilters%5D%5Bi%5D"
		if f.IsGroup() {
			n += p + 16 + estimateFilters(f.Filters, p)
			continue
		}
		n += 3*p + 48 + 3*len(f.Field)/2
		switch v := f.Value.(type) {
		case string:
			n += 3 * len(v) / 2
		case []string:
			for _, s := range v {
				n += p + 16 + 3*len(s)/2
			}
		}
	}
	return n
}

// extraQuery encodes only additional query parameters (create, update, delete).
func extraQuery(extra []QueryParam) string {
	if len(extra) == 0 {
		return ""
	}
	var params []queryParam
	for _, e := range extra {
		params = setParam(params, queryParam{key: e.Key, extra: e.Value})
	}
	q := getQuery(64)
	defer putQuery(q)
	for _, p := range params {
		m := q.enter(p.key)
		q.any(p.extra, 0)
		q.leave(m)
	}
	return string(q.buf)
}

// urlKeep marks the bytes PHP's urlencode leaves as they are: [A-Za-z0-9._-].
var urlKeep = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
	}
	return t
}()

// appendURLEncoded appends s encoded as PHP's urlencode: [A-Za-z0-9._-] kept, space as
// '+', every other byte as %XX with upper-case hex.
func appendURLEncoded(dst []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if urlKeep[c] {
			continue
		}
		dst = append(dst, s[start:i]...)
		if c == ' ' {
			dst = append(dst, '+')
		} else {
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
		start = i + 1
	}
	return append(dst, s[start:]...)
}

// appendRawURLEncoded appends s encoded as PHP's rawurlencode (RFC 3986), which the PHP
// connector applies to record names and relations in the path: [A-Za-z0-9._~-] kept,
// every other byte as %XX.
func appendRawURLEncoded(dst []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '-', c == '~':
			dst = append(dst, c)
		default:
			dst = append(dst, '%', hex[c>>4], hex[c&15])
		}
	}
	return dst
}
