package daktela

import (
	"strconv"
	"testing"
)

// Golden wire tests: every example of the PHP connector's README, with the exact method,
// path, decoded query (as the PHP array the server sees) and body the PHP connector sends
// for it. The PHP behaviour each expectation rests on is cited in the comments.

type wireCase struct {
	name   string
	req    func() Request
	method string
	path   string
	query  string // decodePHPQuery(Query).String(); "[]" for none
	body   string // "" for none
	kind   responseKind
	// sent is the query Execute sends when it differs from wire()'s: a TYPE_ALL read
	// orders its pages by the record's unique field last (see newKeysetPlan).
	sent string
}

const recordName = "records_5fa299a48ab72834012563"

var readmeCases = []wireCase{
	{
		// README "Usage": buildReadRequest("Users")->addFilter("username", "eq", "admin").
		// Client::buildReadQuery: array_merge([], [skip, take, filter, sort]); the filter
		// array is ['filters' => [...], 'logic' => 'and'] (appendFilterGroup's first
		// group), an empty sort is dropped by http_build_query.
		name:   "Users filter",
		req:    func() Request { return BuildReadRequest("Users").AddFilter("username", "eq", "admin") },
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['field' => 'username', 'operator' => 'eq', 'value' => 'admin']], 'logic' => 'and']]`,
	},
	{
		// README "Reading entities": created gte, sort by created asc.
		name: "CampaignsRecords created and sort",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").
				AddFilter("created", "gte", "2020-11-01 00:00:00").
				AddSort("created", "asc")
		},
		method: "GET", path: "campaignsRecords.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['field' => 'created', 'operator' => 'gte', 'value' => '2020-11-01 00:00:00']], 'logic' => 'and'], 'sort' => [['field' => 'created', 'dir' => 'asc']]]`,
	},
	{
		// README: buildReadSingleRequest. Client::executeReadSingle sends only the
		// additional parameters and fields: no skip, take, filter or sort.
		name:   "single read by factory",
		req:    func() Request { return BuildReadSingleRequest("CampaignsRecords", recordName) },
		method: "GET", path: "campaignsRecords/" + recordName + ".json", kind: kindSingle,
		query: `[]`,
	},
	{
		name: "single read by type and object name",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").SetRequestType(TypeSingle).SetObjectName(recordName)
		},
		method: "GET", path: "campaignsRecords/" + recordName + ".json", kind: kindSingle,
		query: `[]`,
	},
	{
		// README: buildReadRelationRequest. buildReadEndpoint: model/name/relation, read
		// as a list page.
		name:   "relation read by factory",
		req:    func() Request { return BuildReadRelationRequest("CampaignsRecords", recordName, "activities") },
		method: "GET", path: "campaignsRecords/" + recordName + "/activities.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100']`,
	},
	{
		// setRelation lowers the first letter (PHP lcfirst, the connector's fix for
		// "Activities").
		name: "relation read by type, relation and object name",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").SetRequestType(TypeMultiple).
				SetRelation("Activities").SetObjectName(recordName)
		},
		method: "GET", path: "campaignsRecords/" + recordName + "/activities.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100']`,
	},
	{
		name:   "take and skip",
		req:    func() Request { return BuildReadRequest("CampaignsRecords").SetTake(1000).SetSkip(10) },
		method: "GET", path: "campaignsRecords.json", kind: kindList,
		query: `['skip' => '10', 'take' => '1000']`,
	},
	{
		// addFieldsQuery: array_merge($queryParams, ['fields' => $fields]) after the rest.
		name:   "setFields",
		req:    func() Request { return BuildReadRequest("Users").SetFields([]string{"name", "email", "title"}) },
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'fields' => ['name', 'email', 'title']]`,
	},
	{
		// TYPE_ALL: the first page is read with the request's own skip and take.
		name: "TYPE_ALL first page",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").SetRequestType(TypeAll).
				AddFilter("created", "gte", "2020-11-01 00:00:00").AddSort("created", "asc")
		},
		method: "GET", path: "campaignsRecords.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['field' => 'created', 'operator' => 'gte', 'value' => '2020-11-01 00:00:00']], 'logic' => 'and'], 'sort' => [['field' => 'created', 'dir' => 'asc']]]`,
		sent:  `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['field' => 'created', 'operator' => 'gte', 'value' => '2020-11-01 00:00:00']], 'logic' => 'and'], 'sort' => [['field' => 'created', 'dir' => 'asc'], ['field' => 'name', 'dir' => 'asc']]]`,
	},
	{
		// Skipping error pages changes nothing on the wire.
		name: "TYPE_ALL with skip error requests",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").SetRequestType(TypeAll).SetSkipErrorRequests(true)
		},
		method: "GET", path: "campaignsRecords.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100']`,
		sent:  `['skip' => '0', 'take' => '100', 'sort' => [['field' => 'name', 'dir' => 'asc']]]`,
	},
	{
		// README "different methods for defining filters". PHP passes the map
		// ["field" => "edited", "operator" => "lte", "2020-11-30 23:59:59"] through as it
		// is, so its value goes out as filter[filters][1][0], which the API ignores; we
		// read the positional value as the value, which is what the README means.
		name: "addFilterFromArray mixed forms",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").
				AddFilter("created", "gte", "2020-11-01 00:00:00").
				AddFilterFromArray([]any{
					map[string]any{"field": "edited", "operator": "lte", "0": "2020-11-30 23:59:59"},
					[]any{"action", "eq", "0"},
				}).
				AddSort("created", "asc")
		},
		method: "GET", path: "campaignsRecords.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [` +
			`['field' => 'created', 'operator' => 'gte', 'value' => '2020-11-01 00:00:00'], ` +
			`['field' => 'edited', 'operator' => 'lte', 'value' => '2020-11-30 23:59:59'], ` +
			`['field' => 'action', 'operator' => 'eq', 'value' => '0']], 'logic' => 'and'], ` +
			`'sort' => [['field' => 'created', 'dir' => 'asc']]]`,
	},
	{
		// README OR logic: the top-level group becomes the filter array itself,
		// ['filters' => [...], 'logic' => 'or'] (appendFilterGroup, first group).
		name: "OR group",
		req: func() Request {
			return BuildReadRequest("Users").AddFilterFromArray(map[string]any{
				"logic": "or",
				"filters": []any{
					map[string]any{"field": "username", "operator": "eq", "value": "admin"},
					map[string]any{"field": "username", "operator": "eq", "value": "supervisor"},
				},
			})
		},
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [` +
			`['field' => 'username', 'operator' => 'eq', 'value' => 'admin'], ` +
			`['field' => 'username', 'operator' => 'eq', 'value' => 'supervisor']], 'logic' => 'or']]`,
	},
	{
		// README create: the int attribute replaces the string one in place (a PHP array
		// key set twice), addAttributes appends queue. POST with the JSON body, no query.
		name: "create",
		req: func() Request {
			return BuildCreateRequest("CampaignsRecords").
				AddStringAttribute("number", "00420226211245").
				AddIntAttribute("number", 0).
				AddAttributes(map[string]any{"queue": 3000})
		},
		method: "POST", path: "campaignsRecords.json", kind: kindSingle,
		query: `[]`, body: `{"number":0,"queue":3000}`,
	},
	{
		name: "update",
		req: func() Request {
			return BuildUpdateRequest("CampaignsRecords").
				SetObjectName(recordName).
				AddStringAttribute("number", "00420226211245").
				AddIntAttribute("number", 0).
				AddAttributes(map[string]any{"queue": 3000})
		},
		method: "PUT", path: "campaignsRecords/" + recordName + ".json", kind: kindSingle,
		query: `[]`, body: `{"number":0,"queue":3000}`,
	},
	{
		name:   "delete",
		req:    func() Request { return BuildDeleteRequest("CampaignsRecords").SetObjectName(recordName) },
		method: "DELETE", path: "campaignsRecords/" + recordName + ".json", kind: kindNone,
		query: `[]`,
	},
	{
		// README iterate example's request (the iterator reads it page by page).
		name: "iterate request",
		req: func() Request {
			return BuildReadRequest("CampaignsRecords").AddFilter("created", "gte", "2020-01-01 00:00:00")
		},
		method: "GET", path: "campaignsRecords.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['field' => 'created', 'operator' => 'gte', 'value' => '2020-01-01 00:00:00']], 'logic' => 'and']]`,
	},
}

// moreCases pin the PHP behaviours beyond the README examples.
var moreCases = []wireCase{
	{
		// Something added after a top-level OR group: appendFilterGroup nests the group
		// and the top level becomes ['logic' => 'and', 'filters' => [...]] (logic first).
		name: "OR group then addFilter",
		req: func() Request {
			return BuildReadRequest("Users").
				AddFilterFromArray(map[string]any{"logic": "or", "filters": []any{
					[]any{"username", "eq", "admin"}, []any{"username", "eq", "supervisor"},
				}}).
				AddFilter("deactivated", "eq", false)
		},
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['logic' => 'and', 'filters' => [` +
			`['logic' => 'or', 'filters' => [['field' => 'username', 'operator' => 'eq', 'value' => 'admin'], ['field' => 'username', 'operator' => 'eq', 'value' => 'supervisor']]], ` +
			`['field' => 'deactivated', 'operator' => 'eq', 'value' => '0']]]]`,
	},
	{
		// A list holding one OR group is an AND group of one nested group; nested groups
		// are ['logic' => ..., 'filters' => ...] (normalizeFilterGroup order).
		name: "list with a nested OR group, in values, booleans and numbers",
		req: func() Request {
			return BuildReadRequest("Tickets").AddFilterFromArray([]any{
				map[string]any{"logic": "or", "filters": []any{
					[]any{"stage", "in", []any{"OPEN", "WAIT"}},
					map[string]any{"field": "user", "operator": "isnull"},
					map[string]any{"logic": "and", "filters": []any{
						[]any{"priority", "gte", 2.5},
						[]any{"name", "lt", int64(9674)},
						[]any{"important", "eq", true},
					}},
				}},
			})
		},
		method: "GET", path: "tickets.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['logic' => 'or', 'filters' => [` +
			`['field' => 'stage', 'operator' => 'in', 'value' => ['OPEN', 'WAIT']], ` +
			`['field' => 'user', 'operator' => 'isnull'], ` +
			`['logic' => 'and', 'filters' => [['field' => 'priority', 'operator' => 'gte', 'value' => '2.5'], ['field' => 'name', 'operator' => 'lt', 'value' => '9674'], ['field' => 'important', 'operator' => 'eq', 'value' => '1']]]]]], 'logic' => 'and']]`,
	},
	{
		// Additional parameters come first (array_merge(additional, [...])); one named
		// like a standard parameter keeps its place but takes the standard value.
		name: "additional query parameters",
		req: func() Request {
			return BuildReadRequest("Contacts").
				AddAdditionalQueryParameter("q", "Jan Nová").
				AddAdditionalQueryParameter("take", "5").
				AddAdditionalQueryParameter("flags", []any{true, 1.5e15}).
				SetTake(20).
				SetFields([]string{"name"})
		},
		method: "GET", path: "contacts.json", kind: kindList,
		query: `['q' => 'Jan Nová', 'take' => '20', 'flags' => ['1', '1.5E+15'], 'skip' => '0', 'fields' => ['name']]`,
	},
	{
		// A single read sends fields too (addFieldsQuery).
		name: "single read with fields and a record name to escape",
		req: func() Request {
			return BuildReadSingleRequest("Users", "jan.novak@example.com").SetFields([]string{"title"})
		},
		method: "GET", path: "users/jan.novak%40example.com.json", kind: kindSingle,
		query: `['fields' => ['title']]`,
	},
	{
		// Record names are rawurlencode'd as one segment.
		name:   "delete with a slash and a space in the name",
		req:    func() Request { return BuildDeleteRequest("Contacts").SetObjectName("a/b c~") },
		method: "DELETE", path: "contacts/a%2Fb%20c~.json", kind: kindNone,
		query: `[]`,
	},
	{
		name: "create with extra parameter, nested values, null and HTML characters",
		req: func() Request {
			return BuildCreateRequest("Contacts").
				AddAttribute("title", "<Tom & Jerry>").
				AddAttribute("customFields", map[string]any{"email": []any{"a@b.cz"}}).
				AddAttribute("account", nil).
				AddBoolAttribute("vip", true).
				AddFloatAttribute("score", 0.5).
				AddAdditionalQueryParameter("dryRun", true)
		},
		method: "POST", path: "contacts.json", kind: kindSingle,
		query: `['dryRun' => '1']`,
		body:  `{"title":"<Tom & Jerry>","customFields":{"email":["a@b.cz"]},"account":null,"vip":true,"score":0.5}`,
	},
	{
		name: "ignoreCase",
		req: func() Request {
			return BuildReadRequest("Users").AddFilterFromArray([]any{
				map[string]any{"field": "title", "operator": "contains", "value": "novák", "ignoreCase": true},
			})
		},
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [['field' => 'title', 'operator' => 'contains', 'value' => 'novák', 'ignoreCase' => 'true']], 'logic' => 'and']]`,
	},
}

func TestWireGolden(t *testing.T) {
	for _, group := range [][]wireCase{readmeCases, moreCases, groupCases} {
		for _, tc := range group {
			t.Run(tc.name, func(t *testing.T) {
				req := tc.req()
				if err := req.Err(); err != nil {
					t.Fatalf("building: %v", err)
				}
				w, err := req.wire()
				if err != nil {
					t.Fatalf("wire: %v", err)
				}
				if w.Method != tc.method || w.Path != tc.path || w.Kind != tc.kind {
					t.Errorf("got %s %s kind %d, want %s %s kind %d", w.Method, w.Path, w.Kind, tc.method, tc.path, tc.kind)
				}
				q, err := decodePHPQuery(w.Query)
				if err != nil {
					t.Fatalf("decoding %q: %v", w.Query, err)
				}
				if got := q.String(); got != tc.query {
					t.Errorf("query %s\n got: %s\nwant: %s", w.Query, got, tc.query)
				}
				if string(w.Body) != tc.body {
					t.Errorf("body\n got: %s\nwant: %s", w.Body, tc.body)
				}
				if tc.body == "" && w.Body != nil {
					t.Errorf("body is %q, want none", w.Body)
				}
			})
		}
	}
}

// TestWireRawQuery pins the exact bytes for the README's first example: brackets as
// %5B/%5D, spaces as '+', ':' escaped, as http_build_query writes them.
func TestWireRawQuery(t *testing.T) {
	cases := []struct {
		req  *ReadRequest
		want string
	}{
		{
			BuildReadRequest("Users").AddFilter("username", "eq", "admin"),
			"skip=0&take=100&filter%5Bfilters%5D%5B0%5D%5Bfield%5D=username&filter%5Bfilters%5D%5B0%5D%5Boperator%5D=eq&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D=admin&filter%5Blogic%5D=and",
		},
		{
			BuildReadRequest("CampaignsRecords").AddFilter("created", "gte", "2020-11-01 00:00:00").AddSort("created", "DESC").SetFields([]string{"name"}),
			"skip=0&take=100&filter%5Bfilters%5D%5B0%5D%5Bfield%5D=created&filter%5Bfilters%5D%5B0%5D%5Boperator%5D=gte&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D=2020-11-01+00%3A00%3A00&filter%5Blogic%5D=and&sort%5B0%5D%5Bfield%5D=created&sort%5B0%5D%5Bdir%5D=desc&fields%5B0%5D=name",
		},
		{
			BuildReadRequest("Users").AddFilter("name", "in", []string{"a b", "c+d", "e~f"}),
			"skip=0&take=100&filter%5Bfilters%5D%5B0%5D%5Bfield%5D=name&filter%5Bfilters%5D%5B0%5D%5Boperator%5D=in&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D%5B0%5D=a+b&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D%5B1%5D=c%2Bd&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D%5B2%5D=e%7Ef&filter%5Blogic%5D=and",
		},
	}
	for _, tc := range cases {
		w, err := tc.req.wire()
		if err != nil {
			t.Fatal(err)
		}
		if w.Query != tc.want {
			t.Errorf("query\n got: %s\nwant: %s", w.Query, tc.want)
		}
	}
}

// TestWireTypeAllPages: the transport reads page n of a TypeAll read with
// Clone().SetSkip(s).SetTake(t); each clone describes its page and the original is
// unchanged.
func TestWireTypeAllPages(t *testing.T) {
	req := BuildReadRequest("CampaignsRecords").SetRequestType(TypeAll).SetTake(500).SetSkip(3).
		AddFilterFromArray(map[string]any{"logic": "or", "filters": []any{[]any{"a", "eq", "1"}, []any{"b", "eq", "2"}}})
	for page, skip := range []int{3, 503, 1003} {
		w, err := req.Clone().SetSkip(skip).SetTake(500).wire()
		if err != nil {
			t.Fatal(err)
		}
		q, err := decodePHPQuery(w.Query)
		if err != nil {
			t.Fatal(err)
		}
		want := `['skip' => '` + strconv.Itoa(skip) + `', 'take' => '500', 'filter' => ['filters' => [['field' => 'a', 'operator' => 'eq', 'value' => '1'], ['field' => 'b', 'operator' => 'eq', 'value' => '2']], 'logic' => 'or']]`
		if q.String() != want {
			t.Errorf("page %d: %s, want %s", page, q, want)
		}
	}
	if req.Skip() != 3 {
		t.Errorf("the original's skip changed to %d", req.Skip())
	}
}
