package daktela

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/dkscript/dkscript/daktela/rawjson"
)

// Record is the raw JSON object of one record, exactly as the server sent it (a
// sub-slice of the page body, which the page index and lazy JS views read in place;
// never modify it). Decode it into your own type, or use Map.
type Record []byte

// Decode unmarshals the record into v with encoding/json.
func (r Record) Decode(v any) error { return json.Unmarshal(r, v) }

// Map decodes the record into a generic map.
func (r Record) Map() (map[string]any, error) {
	var m map[string]any
	err := json.Unmarshal(r, &m)
	return m, err
}

// String returns the record's JSON text.
func (r Record) String() string { return string(r) }

// APIErrors is the "error" member of a Daktela answer, which comes in several shapes: an
// empty list on success, a list of messages, a string, or an object with "form" (messages
// per field, nested for custom fields) and "primary" (messages not tied to a field).
type APIErrors struct {
	raw []byte
}

// Raw returns the error member as the server sent it ("[]" when there was none).
func (e APIErrors) Raw() json.RawMessage {
	if len(e.raw) == 0 {
		return json.RawMessage("[]")
	}
	return json.RawMessage(e.raw)
}

// Empty reports whether there are no error messages.
func (e APIErrors) Empty() bool { return len(e.Messages()) == 0 }

// Messages returns every message, flattened: list, string and "primary" messages first,
// then form messages as "field: message" (nested fields joined with dots,
// e.g. "customFields.email: E-mail is not in the correct format").
func (e APIErrors) Messages() []string {
	ix := e.index()
	if ix == nil {
		return nil
	}
	var out []string
	root := ix.Root()
	switch ix.Kind(root) {
	case rawjson.KindObject:
		// primary (and any other non-form member) first, then form.
		if p, ok := ix.Lookup(root, "primary"); ok {
			out = appendMessages(out, ix, p, "")
		}
		ix.Members(root, func(k, v int) bool {
			if name := ix.String(k); name != "form" && name != "primary" {
				out = appendMessages(out, ix, v, name)
			}
			return true
		})
		if f, ok := ix.Lookup(root, "form"); ok {
			out = appendMessages(out, ix, f, "")
		}
	default:
		out = appendMessages(out, ix, root, "")
	}
	return out
}

// Form returns the form messages per field (nested fields joined with dots), or nil.
func (e APIErrors) Form() map[string][]string {
	ix := e.index()
	if ix == nil || ix.Kind(ix.Root()) != rawjson.KindObject {
		return nil
	}
	f, ok := ix.Lookup(ix.Root(), "form")
	if !ok {
		return nil
	}
	var form map[string][]string
	walkMessages(ix, f, "", func(path, msg string) {
		if form == nil {
			form = make(map[string][]string)
		}
		form[path] = append(form[path], msg)
	})
	return form
}

func (e APIErrors) index() *rawjson.Index {
	if len(e.raw) == 0 {
		return nil
	}
	ix, err := rawjson.Parse(e.raw)
	if err != nil {
		return nil
	}
	return ix
}

// appendMessages adds the messages under node n, prefixed "path: " when path is set.
func appendMessages(out []string, ix *rawjson.Index, n int, path string) []string {
	walkMessages(ix, n, path, func(p, msg string) {
		if p != "" {
			msg = p + ": " + msg
		}
		out = append(out, msg)
	})
	return out
}

// walkMessages calls fn for every leaf message under node n: strings, and numbers or
// booleans as their text; object members extend the path with their key.
func walkMessages(ix *rawjson.Index, n int, path string, fn func(path, msg string)) {
	switch ix.Kind(n) {
	case rawjson.KindString:
		fn(path, ix.String(n))
	case rawjson.KindNumber, rawjson.KindTrue, rawjson.KindFalse:
		fn(path, string(ix.Raw(n)))
	case rawjson.KindArray:
		ix.Elements(n, func(_, v int) bool {
			walkMessages(ix, v, path, fn)
			return true
		})
	case rawjson.KindObject:
		ix.Members(n, func(k, v int) bool {
			p := ix.String(k)
			if path != "" {
				p = path + "." + p
			}
			walkMessages(ix, v, p, fn)
			return true
		})
	}
}

// PageError tells which page of a multi-page read failed and why.
type PageError struct {
	Skip int   // the page's offset
	Take int   // the page's size
	Err  error // what went wrong
}

// Response is the parsed answer to one request, or to every page of a TypeAll read.
type Response struct {
	status  int
	kind    responseKind
	total   int
	records []Record
	record  Record
	errs    APIErrors
	body    []byte
	dryRun  bool
	skipped []PageError
	// timezone is the envelope's _timezone ("" when absent).
	timezone string
	// time is the envelope's _time ("" when absent).
	time string

	// refs locate each record (and, for a single answer, the record) in its page's index,
	// so lazy views need no second scan of the body.
	refs      []recordRef
	recordRef recordRef
	dataRaw   []byte // a single page's data array, for Decode

	dataOnce sync.Once
	data     any
}

// recordRef is a record's node in the index of the page it came from.
type recordRef struct {
	ix   *rawjson.Index
	node int
}

// HTTPStatus returns the HTTP status code (for a dry-run write, the status the server
// answers such a write with: 201, 200 or 204).
func (r *Response) HTTPStatus() int { return r.status }

// Total returns the number of records matching a list read, independent of paging
// (0 when the server sent none or null); 1 for an answer that is one record (a single
// read, a create or an update), as the PHP connector's getTotal gives.
func (r *Response) Total() int { return r.total }

// IsList reports whether the response holds a list of records (a page or every page).
func (r *Response) IsList() bool { return r.kind == kindList }

// Records returns a list response's records in server order (nil for other responses).
func (r *Response) Records() []Record { return r.records }

// Record returns the record of a single read, a create or an update (nil otherwise).
func (r *Response) Record() Record { return r.record }

// Data returns the data decoded generically: []any of map[string]any for a list,
// map[string]any for a single record, nil when there is none.
func (r *Response) Data() any {
	r.dataOnce.Do(func() {
		switch {
		case r.kind == kindList:
			out := make([]any, len(r.records))
			for i, rec := range r.records {
				out[i] = decodeGeneric(r.refAt(i), rec)
			}
			r.data = out
		case r.record != nil:
			r.data = decodeGeneric(r.recordRef, r.record)
		}
	})
	return r.data
}

// decodeGeneric decodes a record from its index, or from its bytes when it has none.
func decodeGeneric(ref recordRef, rec Record) any {
	if ref.ix != nil {
		return ref.ix.Value(ref.node)
	}
	ix, err := rawjson.Parse(rec)
	if err != nil {
		return nil
	}
	return ix.Value(ix.Root())
}

// Decode unmarshals the data into v: a slice for a list, a struct or map for one record.
func (r *Response) Decode(v any) error {
	var data []byte
	switch {
	case r.kind == kindList && r.dataRaw != nil:
		data = r.dataRaw
	case r.kind == kindList:
		n := 2
		for _, rec := range r.records {
			n += len(rec) + 1
		}
		buf := make([]byte, 0, n)
		buf = append(buf, '[')
		for i, rec := range r.records {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, rec...)
		}
		data = append(buf, ']')
	case r.record != nil:
		data = r.record
	default:
		data = []byte("null")
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("daktela: decoding the response: %w", err)
	}
	return nil
}

// Errors returns the error member of the answer.
func (r *Response) Errors() APIErrors { return r.errs }

// IsSuccess reports whether the HTTP status is 2xx.
func (r *Response) IsSuccess() bool { return r.status >= 200 && r.status < 300 }

// HasErrors reports whether the answer carries error messages.
func (r *Response) HasErrors() bool { return !r.errs.Empty() }

// FirstError returns the first error message, or "".
func (r *Response) FirstError() string {
	if m := r.errs.Messages(); len(m) > 0 {
		return m[0]
	}
	return ""
}

// IsEmpty reports whether the response holds no records.
func (r *Response) IsEmpty() bool {
	if r.kind == kindList {
		return len(r.records) == 0
	}
	return len(r.record) == 0
}

// DryRun reports whether this is the answer to a write that was not sent because the
// client is in dry-run mode.
func (r *Response) DryRun() bool { return r.dryRun }

// Skipped lists the pages a TypeAll read with SetSkipErrorRequests(true) skipped.
func (r *Response) Skipped() []PageError { return r.skipped }

// Body returns the raw body of a single-page answer (nil for a combined TypeAll answer).
func (r *Response) Body() []byte { return r.body }

// IndexedRecord returns the parsed index of the page that list record i came from and the
// record's node in it, so that bindings can build lazy views over the page without
// scanning it again. ok is false when i is out of range or the record has no index.
func (r *Response) IndexedRecord(i int) (ix *rawjson.Index, node int, ok bool) {
	if i < 0 || i >= len(r.records) {
		return nil, 0, false
	}
	ref := r.refAt(i)
	return ref.ix, ref.node, ref.ix != nil
}

// IndexedResult is [Response.IndexedRecord] for the record of a single read, a create or an
// update.
func (r *Response) IndexedResult() (ix *rawjson.Index, node int, ok bool) {
	return r.recordRef.ix, r.recordRef.node, r.recordRef.ix != nil
}

func (r *Response) refAt(i int) recordRef {
	if i < len(r.refs) {
		return r.refs[i]
	}
	return recordRef{}
}

// ParsePage parses the body of a list answer (one page of a read) as [Client.Execute]
// would, e.g. to replay a saved page. The error is non-nil when a 2xx body is not valid
// JSON; other answers with unreadable bodies give a response with the status and no data.
func ParsePage(status int, body []byte) (*Response, error) {
	return parseResponse(status, body, kindList)
}

// parseResponse parses a Daktela answer tolerantly (reference §1.4–1.6): a list's data
// and total, or a record directly under result; total as int, numeric string or null;
// data as an array or an object keyed by name; error as list, string or object; empty
// bodies (DELETE 204) and non-JSON bodies from proxies (returned as a response with no
// data and the status; malformedErr is non-nil when a 2xx body is not valid JSON).
func parseResponse(status int, body []byte, kind responseKind) (resp *Response, malformedErr error) {
	body = withoutBOM(body)
	r := &Response{status: status, kind: kind, body: body}
	success := status >= 200 && status < 300
	if onlyJSONSpace(body) {
		if success && kind != kindNone && status != 204 {
			return r, fmt.Errorf("daktela: the answer (HTTP %d) has an empty body where JSON was expected", status)
		}
		return r, nil
	}
	ix, err := rawjson.Parse(body)
	if err != nil {
		if success {
			return r, fmt.Errorf("daktela: the answer (HTTP %d, %d bytes) is not valid JSON, perhaps truncated: %w", status, len(body), err)
		}
		return r, nil // an HTML page from a proxy, say: the status tells the caller enough
	}
	root := ix.Root()
	result := -1
	switch ix.Kind(root) {
	case rawjson.KindObject:
		if e, ok := ix.Lookup(root, "error"); ok && ix.Kind(e) != rawjson.KindNull {
			r.errs = APIErrors{raw: ix.Raw(e)}
		}
		if res, ok := ix.Lookup(root, "result"); ok && ix.Kind(res) != rawjson.KindNull {
			result = res
		}
		if tz, ok := ix.Lookup(root, "_timezone"); ok && ix.Kind(tz) == rawjson.KindString {
			r.timezone = ix.String(tz)
		}
		if tm, ok := ix.Lookup(root, "_time"); ok && ix.Kind(tm) == rawjson.KindString {
			r.time = ix.String(tm)
		}
	case rawjson.KindArray:
		if kind == kindList {
			result = root // a bare list of records
		}
	}
	if result < 0 {
		return r, nil
	}
	if kind != kindList {
		r.record = ix.Raw(result)
		r.recordRef = recordRef{ix: ix, node: result}
		// One record counts as one, as the PHP connector's result->total ?? 1 does.
		r.total = 1
		if ix.Kind(result) == rawjson.KindObject {
			if t, ok := ix.Lookup(result, "total"); ok && ix.Kind(t) != rawjson.KindNull {
				r.total = parseTotal(ix, t)
			}
		}
		return r, nil
	}
	data := result
	if ix.Kind(result) == rawjson.KindObject {
		if _, ok := ix.Lookup(result, "data"); !ok {
			// No list under result (whoim.json read as a list): the data is the result
			// object itself, as PHP's result->data ?? result gives.
			return parseResponse(status, body, kindSingle)
		}
		if t, ok := ix.Lookup(result, "total"); ok {
			r.total = parseTotal(ix, t)
		}
		d, ok := ix.Lookup(result, "data")
		if !ok || ix.Kind(d) == rawjson.KindNull {
			return r, nil
		}
		data = d
	}
	switch ix.Kind(data) {
	case rawjson.KindArray:
		r.dataRaw = ix.Raw(data)
		n := ix.Count(data)
		r.records = make([]Record, 0, n)
		r.refs = make([]recordRef, 0, n)
		ix.Elements(data, func(_, v int) bool {
			r.records = append(r.records, ix.Raw(v))
			r.refs = append(r.refs, recordRef{ix: ix, node: v})
			return true
		})
	case rawjson.KindObject: // keyed by record name: the values, in order
		n := ix.Count(data)
		r.records = make([]Record, 0, n)
		r.refs = make([]recordRef, 0, n)
		ix.Members(data, func(_, v int) bool {
			r.records = append(r.records, ix.Raw(v))
			r.refs = append(r.refs, recordRef{ix: ix, node: v})
			return true
		})
	}
	return r, nil
}

// onlyJSONSpace reports whether b is empty or holds only JSON whitespace.
func onlyJSONSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// parseTotal reads total as an integer, a numeric string or null (0).
func parseTotal(ix *rawjson.Index, n int) int {
	switch ix.Kind(n) {
	case rawjson.KindNumber:
		if v, ok := ix.Int(n); ok {
			return int(v)
		}
		f, err := ix.Float(n)
		if err == nil && f >= 0 && f < 1<<53 {
			return int(f)
		}
	case rawjson.KindString:
		s := strings.TrimSpace(ix.String(n))
		if v, err := strconv.Atoi(s); err == nil && v >= 0 {
			return v
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1<<53 {
			return int(f)
		}
	}
	return 0
}

// newCombinedResponse joins the pages of a TypeAll read into one response: their records
// in order, the status and total of the first page, the first non-empty error member.
// The result has no Body; Skipped is left for the caller to set.
func newCombinedResponse(pages []*Response) *Response {
	r := &Response{kind: kindList}
	n := 0
	for _, p := range pages {
		n += len(p.records)
	}
	r.records = make([]Record, 0, n)
	r.refs = make([]recordRef, 0, n)
	for i, p := range pages {
		if i == 0 {
			r.status, r.total = p.status, p.total
		}
		if len(r.errs.raw) == 0 && !p.errs.Empty() {
			r.errs = p.errs
		}
		r.records = append(r.records, p.records...)
		for j := range p.records {
			r.refs = append(r.refs, p.refAt(j))
		}
	}
	return r
}

// utf8BOM is the UTF-8 byte-order mark, which some answers start with.
var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// withoutBOM returns body without a leading UTF-8 byte-order mark: JSON does not allow
// one, but answers saved or passed on by other tools carry it (the .NET client skips it).
func withoutBOM(body []byte) []byte { return bytes.TrimPrefix(body, utf8BOM) }
