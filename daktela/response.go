package daktela

// PLACEHOLDER API: the data-path helper implements the bodies (envelope parsing with
// daktela/rawjson). The exported surface below is the contract other packages code against.

import (
	"encoding/json"
	"errors"
)

// Record is the raw JSON object of one record, exactly as the server sent it (a
// sub-slice of the page body; never modify it). Decode it into your own type, or use Map.
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
func (e APIErrors) Messages() []string { panic("not implemented") }

// Form returns the form messages per field (nested fields joined with dots), or nil.
func (e APIErrors) Form() map[string][]string { panic("not implemented") }

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
}

// HTTPStatus returns the HTTP status code (0 for a dry-run write).
func (r *Response) HTTPStatus() int { return r.status }

// Total returns the number of records matching a list read, independent of paging
// (0 when the server sent none or null).
func (r *Response) Total() int { return r.total }

// IsList reports whether the response holds a list of records (a page or every page).
func (r *Response) IsList() bool { return r.kind == kindList }

// Records returns a list response's records in server order (nil for other responses).
func (r *Response) Records() []Record { return r.records }

// Record returns the record of a single read, a create or an update (nil otherwise).
func (r *Response) Record() Record { return r.record }

// Data returns the data decoded generically: []any of map[string]any for a list,
// map[string]any for a single record, nil when there is none.
func (r *Response) Data() any { panic("not implemented") }

// Decode unmarshals the data into v: a slice for a list, a struct or map for one record.
func (r *Response) Decode(v any) error { panic("not implemented") }

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

// parseResponse parses a Daktela answer tolerantly (reference §1.4–1.6): a list's data
// and total, or a record directly under result; total as int, numeric string or null;
// data as an array or an object keyed by name; error as list, string or object; empty
// bodies (DELETE 204) and non-JSON bodies from proxies (returned as a response with no
// data and the status; malformedErr is non-nil when a 2xx body is not valid JSON).
func parseResponse(status int, body []byte, kind responseKind) (resp *Response, malformedErr error) {
	return nil, errors.New("not implemented")
}
