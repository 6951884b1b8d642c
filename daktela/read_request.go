package daktela

import "strconv"

// ReadRequest reads records of a model: one page (TypeMultiple, the default), one record
// (TypeSingle, with an object name), a relation of one record (TypeMultiple with an
// object name and a relation), or every page (TypeAll).
//
// Its methods change the request and return it, so calls chain as in PHP:
//
//	req := daktela.BuildReadRequest("Users").AddFilter("username", "eq", "admin")
//
// A mistake (an unknown operator, a value of the wrong type) does not panic: the first
// one is kept and returned by [ReadRequest.Err] and by [Client.Execute], which then sends
// nothing. A ReadRequest is not safe for concurrent modification; executing the same
// request from several goroutines is fine once it is built.
type ReadRequest struct {
	model       string
	requestType ReadType
	objectName  string
	relation    string
	// filters are the filters and groups added, except the conditions with a string
	// value, which conds holds (see condition): use Filters for them all in order.
	filters    []Filter
	conds      []condition
	sorts      []Sort
	fields     []string
	take       int
	skip       int
	skipErrors bool
	extra      []QueryParam
	err        error
	// filterShape is how the PHP connector would nest the filters (see filterShape).
	filterShape filterShape
}

// NewReadRequest returns a read request for model with the defaults: TypeMultiple,
// take 100, skip 0. It is what [BuildReadRequest] returns.
func NewReadRequest(model string) *ReadRequest {
	return &ReadRequest{model: model, requestType: TypeMultiple, take: DefaultTake}
}

// Model returns the model the request reads.
func (r *ReadRequest) Model() string { return r.model }

// Err returns the first mistake made while building the request, or nil.
func (r *ReadRequest) Err() error { return r.err }

func (r *ReadRequest) fail(err error) *ReadRequest {
	if r.err == nil {
		r.err = err
	}
	return r
}

// AddFilter adds the condition "field operator value", combined with the others by AND.
// The operator must be one the API knows (see [Operators]); value is a string, a
// []string (for "in" and "notin"), a number, a bool, or nil (for "isnull"/"isnotnull").
func (r *ReadRequest) AddFilter(field, operator string, value any) *ReadRequest {
	f := Filter{Field: field, Operator: operator, Value: value}
	if err := checkCondition("addFilter", "", &f); err != nil {
		return r.fail(err)
	}
	r.appendCondition(f)
	return r
}

// AddStringFilter is [ReadRequest.AddFilter] with a string value, the common case: it
// adds the same filter and reports the same mistakes (through [ReadRequest.Err]), but a
// scalar or no-value operator takes the value as it is, without the type checks and
// conversions an any value needs. The JavaScript bindings call it for a string value.
func (r *ReadRequest) AddStringFilter(field, operator, value string) *ReadRequest {
	if field == "" {
		return r.AddFilter(field, operator, value) // the same error, from one place
	}
	switch kindOf(operator) {
	case opScalar, opNoValue:
		// A string is already the wire form of both (checkCondition keeps it as is).
	default:
		return r.AddFilter(field, operator, value) // a list operator or unknown one: its error
	}
	r.appendStringCondition(field, operator, value)
	return r
}

// condition is a checked condition with a string value, the common case, held without
// the boxed value and the unused group members of a [Filter]. before is how many of the
// request's filters come before it, so the order of everything added is kept.
type condition struct {
	field, operator, value string
	before                 int
}

// filter returns c as the Filter it stands for.
func (c *condition) filter() Filter {
	return Filter{Field: c.field, Operator: c.operator, Value: c.value}
}

// hasFilters reports whether any filter has been added.
func (r *ReadRequest) hasFilters() bool { return len(r.filters) > 0 || len(r.conds) > 0 }

// appendCondition adds one checked condition, combined with the others by AND:
// appendGroup("and", []Filter{f}) without allocating the one-item group.
func (r *ReadRequest) appendCondition(f Filter) {
	if v, ok := f.Value.(string); ok && !f.IgnoreCase {
		r.appendStringCondition(f.Field, f.Operator, v)
		return
	}
	r.joinTopLevel()
	if r.filters == nil {
		r.filters = make([]Filter, 0, smallListCap)
	}
	r.filters = append(r.filters, f)
}

// appendStringCondition adds one checked condition with a string value, as
// appendCondition, into conds.
func (r *ReadRequest) appendStringCondition(field, operator, value string) {
	r.joinTopLevel()
	if r.conds == nil {
		// Room for the few conditions a request usually has: one allocation, not 1, 2, 4, 8.
		r.conds = make([]condition, 0, smallCondCap)
	}
	r.conds = append(r.conds, condition{field: field, operator: operator, value: value, before: len(r.filters)})
}

// joinTopLevel sets the filter shape for one more filter joining the top level by AND.
func (r *ReadRequest) joinTopLevel() {
	switch {
	case !r.hasFilters():
		r.filterShape = shapeList
	case r.filterShape == shapeGroup:
		r.filterShape = shapeWrapped
	}
}

// smallListCap is the capacity a request's filter and sort lists start with.
const smallListCap = 4

// smallCondCap is the capacity a request's list of string conditions starts with.
const smallCondCap = 8

// AddFilterFromArray adds filters given in the PHP connector's array forms: a list whose
// items are positional triplets ([]any{"field", "op", value}), maps with "field",
// "operator" and "value" keys (a map may also give its value positionally, as PHP's
// README does), or groups ({"logic": "or", "filters": [...]}), nested to any depth. A
// map with "logic" and "filters" at the top is a single group. The parsed filters are
// added as [Filter] values; use [ReadRequest.AddFilters] to add Filter values directly.
func (r *ReadRequest) AddFilterFromArray(filters any) *ReadRequest {
	logic, parsed, err := parseFilterArray(filters)
	if err != nil {
		return r.fail(err)
	}
	r.appendGroup(logic, parsed)
	return r
}

// AddFilters adds filters and filter groups built in Go, combined with the others by
// AND. Values are checked and normalised as AddFilter does; nothing is added when one of
// them is wrong.
func (r *ReadRequest) AddFilters(filters ...Filter) *ReadRequest {
	checked := make([]Filter, len(filters))
	copy(checked, filters)
	for i := range checked {
		if err := validateFilter("addFilters", "["+strconv.Itoa(i)+"]", &checked[i]); err != nil {
			return r.fail(err)
		}
	}
	r.appendGroup("and", checked)
	return r
}

// AddFilterGroup adds a group of filters combined with the filters already added by AND,
// as the PHP connector's appendFilterGroup: the filters of an "and" group join the top
// level one by one; a group with another logic stays whole, and is sent as the top level
// itself (filter[logic]=or&filter[filters][0]...) while it is the only filter. A group
// with no filters adds nothing. The filters are checked as [ReadRequest.AddFilters] checks
// them; [ParseFilterGroup] makes such a group from the PHP connector's array forms.
func (r *ReadRequest) AddFilterGroup(g Filter) *ReadRequest {
	if len(g.Filters) == 0 {
		return r
	}
	if err := validateFilter("addFilterGroup", "", &g); err != nil {
		return r.fail(err)
	}
	r.appendGroup(g.Logic, g.Filters)
	return r
}

// FilterLogic returns the logic that combines the top-level filters, as the PHP
// connector's getFilters()["logic"] shows it: "or" while the only filter added is an
// "or" group (which [ReadRequest.Filters] then returns as its one item), "and" otherwise.
func (r *ReadRequest) FilterLogic() string {
	if r.filterShape == shapeGroup && len(r.filters) == 1 && len(r.conds) == 0 {
		return r.filters[0].Logic
	}
	return "and"
}

// appendGroup combines a group of filters with the ones already added by AND, as the PHP
// connector's appendFilterGroup: the first group's filters become the top level (an "or"
// group stays whole and is sent as the top level itself); a later "and" group's filters
// join the top level one by one, a later "or" group is added as one nested group.
func (r *ReadRequest) appendGroup(logic string, filters []Filter) {
	if len(filters) == 0 {
		return
	}
	if !r.hasFilters() {
		if logic == "and" {
			r.filters = append([]Filter(nil), filters...)
			r.filterShape = shapeList
		} else {
			r.filters = []Filter{{Logic: logic, Filters: filters}}
			r.filterShape = shapeGroup
		}
		return
	}
	if r.filterShape == shapeGroup {
		r.filterShape = shapeWrapped
	}
	if logic == "and" {
		r.filters = append(r.filters, filters...)
	} else {
		r.filters = append(r.filters, Filter{Logic: logic, Filters: filters})
	}
}

// AddSort adds a sort key; dir is "asc" or "desc" (any case).
func (r *ReadRequest) AddSort(field, dir string) *ReadRequest {
	s, err := normalizeSort(field, dir)
	if err != nil {
		return r.fail(err)
	}
	if r.sorts == nil {
		r.sorts = make([]Sort, 0, smallListCap)
	}
	r.sorts = append(r.sorts, s)
	return r
}

// SetFields limits the fields each record carries.
func (r *ReadRequest) SetFields(fields []string) *ReadRequest {
	r.fields = append([]string(nil), fields...)
	return r
}

// SetTake sets the page size (1 to 1000).
func (r *ReadRequest) SetTake(take int) *ReadRequest {
	if take < 1 || take > MaxTake {
		return r.fail(argError("setTake", "take", take, "a page size from 1 to 1000"))
	}
	r.take = take
	return r
}

// SetSkip sets how many records to skip (0 or more).
func (r *ReadRequest) SetSkip(skip int) *ReadRequest {
	if skip < 0 {
		return r.fail(argError("setSkip", "skip", skip, "0 or more"))
	}
	r.skip = skip
	return r
}

// SetSkipErrorRequests makes a TypeAll read skip pages that fail instead of stopping.
// The response then lists what was skipped in its errors.
func (r *ReadRequest) SetSkipErrorRequests(skip bool) *ReadRequest {
	r.skipErrors = skip
	return r
}

// SetObjectName sets the record's unique name, for single reads and relation reads.
func (r *ReadRequest) SetObjectName(name string) *ReadRequest {
	r.objectName = name
	return r
}

// SetRelation sets the relation to read of the record named by SetObjectName,
// e.g. "activities". Its first letter is lowered, as PHP's setRelation does and the API
// expects.
func (r *ReadRequest) SetRelation(relation string) *ReadRequest {
	r.relation = lcfirst(relation)
	return r
}

// SetRequestType sets the read type: [TypeSingle], [TypeMultiple] or [TypeAll].
// Any other value is an [*UnknownRequestTypeError].
func (r *ReadRequest) SetRequestType(t ReadType) *ReadRequest {
	switch t {
	case TypeSingle, TypeMultiple, TypeAll:
		r.requestType = t
		return r
	}
	return r.fail(&UnknownRequestTypeError{Type: string(t)})
}

// AddAdditionalQueryParameter adds a query parameter the builder has no method for,
// such as "q" for full-text search.
// The value may be a string, number or bool, or a list or string-keyed map of them; it
// is encoded as PHP's http_build_query would. Parameters come before the standard ones in
// the query, as in PHP, and one named like a standard parameter (skip, take, filter,
// sort, fields) is overridden by it.
func (r *ReadRequest) AddAdditionalQueryParameter(key string, value any) *ReadRequest {
	if err := checkQueryParam(key, value); err != nil {
		return r.fail(err)
	}
	r.extra = append(r.extra, QueryParam{Key: key, Value: value})
	return r
}

// Filters returns the filters added so far (top level, combined by AND). Conditions with
// a string value are held in a smaller form inside the request and made into Filter
// values on each call (not cached, so reading a built request from several goroutines
// stays safe); change the request through its methods, not through the returned list.
func (r *ReadRequest) Filters() []Filter {
	if len(r.conds) == 0 {
		return r.filters
	}
	// Conditions with a string value are held apart (see condition): merge them back in
	// the order they were added.
	list := make([]Filter, 0, len(r.filters)+len(r.conds))
	c := 0
	for i := range r.filters {
		for ; c < len(r.conds) && r.conds[c].before <= i; c++ {
			list = append(list, r.conds[c].filter())
		}
		list = append(list, r.filters[i])
	}
	for ; c < len(r.conds); c++ {
		list = append(list, r.conds[c].filter())
	}
	return list
}

// Sorts returns the sort keys.
func (r *ReadRequest) Sorts() []Sort { return r.sorts }

// Fields returns the field projection, or nil for all fields.
func (r *ReadRequest) Fields() []string { return r.fields }

// Take returns the page size.
func (r *ReadRequest) Take() int { return r.take }

// Skip returns the offset.
func (r *ReadRequest) Skip() int { return r.skip }

// SkipErrorRequests reports whether failing pages of a TypeAll read are skipped.
func (r *ReadRequest) SkipErrorRequests() bool { return r.skipErrors }

// ObjectName returns the record name.
func (r *ReadRequest) ObjectName() string { return r.objectName }

// Relation returns the relation name.
func (r *ReadRequest) Relation() string { return r.relation }

// RequestType returns the read type.
func (r *ReadRequest) RequestType() ReadType { return r.requestType }

// AdditionalQueryParameters returns the extra query parameters.
func (r *ReadRequest) AdditionalQueryParameters() []QueryParam { return r.extra }

// Clone returns an independent copy of the request.
func (r *ReadRequest) Clone() *ReadRequest {
	c := *r
	c.filters = append([]Filter(nil), r.filters...)
	// Conditions are never changed in place, so the clone shares them; capped at their
	// length, whichever request adds one next gets a list of its own.
	c.conds = r.conds[:len(r.conds):len(r.conds)]
	c.sorts = append([]Sort(nil), r.sorts...)
	c.fields = append([]string(nil), r.fields...)
	c.extra = append([]QueryParam(nil), r.extra...)
	return &c
}
