package daktela

// Request is a request that [Client.Execute] can send: a [*ReadRequest], a
// [*CreateRequest], an [*UpdateRequest] or a [*DeleteRequest]. It is sealed: only this
// package implements it.
type Request interface {
	// Model returns the model (entity) the request is for, as given to the builder,
	// e.g. "CampaignsRecords". The URL uses it with its first letter lowered.
	Model() string
	// Err returns the first mistake made while building the request (an unknown
	// operator, a wrong value type, ...), or nil. Execute returns it before sending anything.
	Err() error
	// wire returns what goes over the wire for this request.
	wire() (wireRequest, error)
}

// responseKind tells the envelope parser where the data lives.
type responseKind int

const (
	kindList   responseKind = iota // result: {data: [...], total: N}
	kindSingle                     // result: {...record...}
	kindNone                       // DELETE: 204, empty body
)

// wireRequest is the transport-level form of a request.
type wireRequest struct {
	Method string // GET, POST, PUT, DELETE
	// Path is relative to "{base}/api/v6/", e.g. "campaignsRecords.json" or
	// "campaignsRecords/records_5fa2%2Fx/activities.json" (record names path-escaped).
	Path string
	// Query is the encoded query string without the leading '?', PHP http_build_query style
	// (e.g. "filter[logic]=and&filter[filters][0][field]=..."), brackets percent-encoded as
	// PHP does. The access token is never part of it: the transport adds it when the query
	// authentication method is chosen.
	Query string
	Body  []byte // JSON body for POST and PUT, nil otherwise
	Kind  responseKind
	// Redirects is which redirects the request may follow (the zero value: same origin
	// only, the rule of every API request).
	Redirects redirectRule
}

// ReadType is the kind of a read request: one record, one page, or every page.
type ReadType string

// The read request types, with the PHP connector's values
// (ReadRequest::TYPE_SINGLE, TYPE_MULTIPLE, TYPE_ALL).
const (
	TypeSingle   ReadType = "single"
	TypeMultiple ReadType = "multiple"
	TypeAll      ReadType = "all"
)

// DefaultTake is the page size a read request uses when SetTake was not called (as PHP).
const DefaultTake = 100

// MaxTake is the largest page the Daktela API serves.
const MaxTake = 1000

// Filter is one filter condition or, when Logic or Filters is set, a group of them.
//
// Value is a string, a []string (for "in" and "notin"), or nil (for "isnull" and
// "isnotnull"); numbers and booleans are formatted as PHP would (true is "1").
type Filter struct {
	Field      string
	Operator   string
	Value      any
	IgnoreCase bool

	// Logic is "and" or "or" for a group.
	Logic   string
	Filters []Filter
}

// IsGroup reports whether f is a group of filters rather than one condition.
func (f Filter) IsGroup() bool { return f.Logic != "" || f.Filters != nil }

// Sort is one sort key: a field and a direction, "asc" or "desc".
type Sort struct {
	Field string
	Dir   string
}

// QueryParam is an additional query parameter added with AddAdditionalQueryParameter.
// Value is encoded as PHP http_build_query would (strings, numbers, booleans as 1/0,
// lists and maps as bracketed keys).
type QueryParam struct {
	Key   string
	Value any
}
