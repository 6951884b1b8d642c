package daktela

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// Builder mistakes: each is kept as the request's error, named by the PHP/JS method, and
// says what was wrong and what was wanted.
func TestBuilderErrorMessages(t *testing.T) {
	cyclic := map[string]any{"a": 1}
	cyclic["self"] = cyclic
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"take too large", BuildReadRequest("Users").SetTake(5000).Err(),
			"setTake: take must be a page size from 1 to 1000, got 5000"},
		{"negative skip", BuildReadRequest("Users").SetSkip(-1).Err(),
			"setSkip: skip must be 0 or more, got -1"},
		{"unknown operator", BuildReadRequest("Users").AddFilter("username", "equals", "admin").Err(),
			`addFilter: operator must be one of ` + operatorsText + ` (did you mean "eq"?), got "equals"`},
		{"upper-case operator", BuildReadRequest("Users").AddFilter("username", "EQ", "admin").Err(),
			`addFilter: operator must be one of ` + operatorsText + ` (operators are lower case: did you mean "eq"?), got "EQ"`},
		{"nin", BuildReadRequest("Users").AddFilter("username", "nin", []string{"a"}).Err(),
			`addFilter: operator must be one of ` + operatorsText + ` (did you mean "notin"?), got "nin"`},
		{"list for eq", BuildReadRequest("Users").AddFilter("username", "eq", []string{"a", "b"}).Err(),
			`addFilter: value must be a string, number or bool (only in and notin take a list), got a list of 2 items`},
		{"scalar for in", BuildReadRequest("Users").AddFilter("username", "in", "a").Err(),
			`addFilter: value must be a list of values (in takes a list), got "a"`},
		{"empty in list", BuildReadRequest("Users").AddFilter("username", "in", []string{}).Err(),
			`addFilter: value must be a non-empty list of values, got a list of 0 items`},
		{"map in an in list", BuildReadRequest("Users").AddFilter("username", "notin", []any{"a", map[string]any{}}).Err(),
			`addFilter: value[1] must be a string, number or bool, got a map of 0 keys`},
		{"null for eq", BuildReadRequest("Users").AddFilter("username", "eq", nil).Err(),
			`addFilter: value must be a string, number or bool (eq needs a value), got null`},
		{"value for isnull", BuildReadRequest("Users").AddFilter("user", "isnull", []string{"x"}).Err(),
			`addFilter: value must be null (isnull takes no value), got a list of 1 items`},
		{"NaN filter value", BuildReadRequest("Users").AddFilter("n", "gt", math.NaN()).Err(),
			`addFilter: value must be a finite number, got NaN`},
		{"empty field", BuildReadRequest("Users").AddFilter("", "eq", "x").Err(),
			`addFilter: field must be a field name, got ""`},
		{"bad sort dir", BuildReadRequest("Users").AddSort("created", "up").Err(),
			`addSort: dir must be "asc" or "desc", got "up"`},
		{"empty sort field", BuildReadRequest("Users").AddSort("", "asc").Err(),
			`addSort: field must be a field name, got ""`},
		{"unknown request type", BuildReadRequest("Users").SetRequestType("many").Err(),
			`daktela: unknown request type "many" (want "single", "multiple" or "all")`},
		{"empty query key", BuildReadRequest("Users").AddAdditionalQueryParameter("", "x").Err(),
			`addAdditionalQueryParameter: key must be a parameter name, got ""`},
		{"func query value", BuildReadRequest("Users").AddAdditionalQueryParameter("q", func() {}).Err(),
			`addAdditionalQueryParameter: value of "q" must be a string, number, bool, or a list or map of them, got a function`},
		{"AddFilters group with nothing", BuildReadRequest("Users").AddFilters(Filter{Field: "a", Operator: "eq", Value: "1"}, Filter{Logic: "or"}).Err(),
			`addFilters: filter [1] filters must be a non-empty list of filters, got a list of 0 items`},
		{"AddFilters bad logic", BuildReadRequest("Users").AddFilters(Filter{Logic: "xor", Filters: []Filter{{Field: "a", Operator: "eq", Value: "1"}}}).Err(),
			`addFilters: filter [0] logic must be "and" or "or", got "xor"`},
		{"AddFilters nested bad operator", BuildReadRequest("Users").AddFilters(Filter{Logic: "or", Filters: []Filter{{Field: "a", Operator: "eq", Value: "1"}, {Field: "b", Operator: "~", Value: "1"}}}).Err(),
			`addFilters: filter [0][filters][1] operator must be one of ` + operatorsText + `, got "~"`},
		{"NaN attribute", BuildCreateRequest("X").AddFloatAttribute("price", math.NaN()).Err(),
			`addFloatAttribute: attribute "price" must be a finite number (JSON has no NaN or Infinity), got NaN`},
		{"infinite nested attribute", BuildUpdateRequest("X").AddAttribute("cf", map[string]any{"b": 1, "a": []any{1, math.Inf(1)}}).Err(),
			`addAttribute: attribute "cf"["a"][1] must be a finite number (JSON has no NaN or Infinity), got Infinity`},
		{"func attribute", BuildCreateRequest("X").AddAttribute("f", func() {}).Err(),
			`addAttribute: attribute "f" must be JSON data (a function cannot be sent), got a function`},
		{"chan attribute", BuildCreateRequest("X").AddAttributes(map[string]any{"c": make(chan int)}).Err(),
			`addAttributes: attribute "c" must be JSON data (a channel cannot be sent), got a channel`},
		{"complex attribute", BuildCreateRequest("X").AddArrayAttribute("l", []any{complex(1, 2)}).Err(),
			`addArrayAttribute: attribute "l"[0] must be JSON data (a complex number cannot be sent), got a complex number`},
		{"cyclic attribute", BuildCreateRequest("X").AddAttribute("loop", cyclic).Err(),
			`addAttribute: attribute "loop"["self"]["self"]`},
		{"empty attribute key", BuildCreateRequest("X").AddStringAttribute("", "v").Err(),
			`addStringAttribute: key must be an attribute name, got ""`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			got := tc.err.Error()
			if tc.name == "cyclic attribute" {
				if !strings.HasPrefix(got, tc.want) || !strings.Contains(got, "nested at most 64 levels deep (is it a cycle?)") {
					t.Fatalf("got %q", got)
				}
				return
			}
			if got != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
			var ae *ArgumentError
			if strings.HasPrefix(tc.want, "daktela:") {
				return
			}
			if !errors.As(tc.err, &ae) {
				t.Fatalf("%T is not an *ArgumentError", tc.err)
			}
		})
	}
}

// The first mistake is kept; later calls neither replace it nor panic, and Execute's
// wire() returns it before anything else.
func TestFirstMistakeKept(t *testing.T) {
	req := BuildReadRequest("Users").SetTake(0).AddFilter("a", "bogus", "1").AddSort("a", "sideways")
	if req.Err() == nil || !strings.HasPrefix(req.Err().Error(), "setTake:") {
		t.Fatalf("Err() = %v, want the setTake mistake", req.Err())
	}
	if _, err := req.wire(); err != req.Err() {
		t.Fatalf("wire() = %v, want the kept mistake", err)
	}
	if len(req.Filters()) != 0 || len(req.Sorts()) != 0 {
		t.Fatalf("bad filters or sorts were added: %v %v", req.Filters(), req.Sorts())
	}
	c := BuildCreateRequest("X").AddAttribute("bad", math.Inf(-1)).AddStringAttribute("ok", "v")
	if _, err := c.wire(); err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Fatalf("wire() = %v, want the attribute mistake", err)
	}
	if len(c.Attributes()) != 1 || c.Attributes()[0].Key != "ok" {
		t.Fatalf("attributes %v, want only ok", c.Attributes())
	}
}

// A single read, relation read, update or delete without an object name is a
// *NotFoundError with Status 0, caught before sending, naming the request.
func TestMissingObjectName(t *testing.T) {
	cases := []struct {
		req  Request
		want string
	}{
		{BuildReadRequest("CampaignsRecords").SetRequestType(TypeSingle),
			"daktela: GET campaignsRecords/{objectName}.json: no object name specified: a single read needs the record's name (setObjectName); nothing was sent"},
		{BuildReadSingleRequest("CampaignsRecords", ""),
			"daktela: GET campaignsRecords/{objectName}.json: no object name specified: a single read needs the record's name (setObjectName); nothing was sent"},
		{BuildReadRequest("CampaignsRecords").SetRelation("activities"),
			"daktela: GET campaignsRecords/{objectName}.json: no object name specified: a relation read needs the record's name (setObjectName); nothing was sent"},
		{BuildUpdateRequest("CampaignsRecords").AddIntAttribute("x", 1),
			"daktela: PUT campaignsRecords/{objectName}.json: no object name specified: an update needs the record's name (setObjectName); nothing was sent"},
		{BuildDeleteRequest("CampaignsRecords"),
			"daktela: DELETE campaignsRecords/{objectName}.json: no object name specified: a delete needs the record's name (setObjectName); nothing was sent"},
	}
	for _, tc := range cases {
		_, err := tc.req.wire()
		if err == nil {
			t.Fatalf("%T: no error", tc.req)
		}
		if err.Error() != tc.want {
			t.Errorf("got  %q\nwant %q", err, tc.want)
		}
		var nf *NotFoundError
		var re *RequestError
		if !errors.As(err, &nf) || !errors.As(err, &re) || re.Status != 0 || !errors.Is(err, ErrNoObjectName) {
			t.Errorf("%v: want a *NotFoundError wrapping a *RequestError with Status 0 and ErrNoObjectName", err)
		}
	}
}

// Names that would change the endpoint, and empty models, are errors.
func TestPathErrors(t *testing.T) {
	cases := []struct {
		req  Request
		want string
	}{
		{BuildReadSingleRequest("Users", ".."), `setObjectName: name must be a record name or relation other than "." and "..", got ".."`},
		{BuildReadRelationRequest("Users", "admin", "."), `setRelation: relation must be a record name or relation other than "." and "..", got "."`},
		{BuildDeleteRequest("Users").SetObjectName("."), `setObjectName: name must be a record name or relation other than "." and "..", got "."`},
		{BuildReadRequest(""), `buildReadRequest: model must be a model name such as "Users", got ""`},
		{BuildCreateRequest("../admin"), `buildCreateRequest: model must be a model name such as "Users" (no "." or ".." path parts), got "../admin"`},
		{BuildUpdateRequest(`x\..`).SetObjectName("a"), `buildUpdateRequest: model must be a model name such as "Users" (no "." or ".." path parts), got "x\\.."`},
	}
	for _, tc := range cases {
		_, err := tc.req.wire()
		if err == nil || err.Error() != tc.want {
			t.Errorf("got %v\nwant %s", err, tc.want)
		}
	}
}

func TestCheckOperator(t *testing.T) {
	for _, op := range Operators() {
		if err := CheckOperator(op); err != nil {
			t.Errorf("CheckOperator(%q) = %v", op, err)
		}
	}
	if len(Operators()) != 20 {
		t.Errorf("%d operators, want 20", len(Operators()))
	}
	ops := Operators()
	ops[0] = "changed"
	if Operators()[0] != "eq" {
		t.Error("Operators returns the package's own slice")
	}
	err := CheckOperator("between")
	var ae *ArgumentError
	if !errors.As(err, &ae) || ae.Value != "between" || !strings.Contains(err.Error(), "notin") {
		t.Fatalf("CheckOperator(between) = %v", err)
	}
}

// Numbers and booleans become strings as PHP's http_build_query formats them.
func TestFilterValueFormatting(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{"x", "x"}, {true, "1"}, {false, "0"}, {0, "0"}, {-12, "-12"}, {int64(1) << 62, "4611686018427387904"},
		{uint8(7), "7"}, {3.0, "3"}, {2.5, "2.5"}, {0.1, "0.1"}, {-0.0001, "-0.0001"}, {0.00001, "1.0E-5"},
		{1e14, "1.0E+14"}, {1e13, "10000000000000"}, {123456789012345.0, "1.2345678901234E+14"},
		{1.0 / 3, "0.33333333333333"}, {2.0 / 3, "0.66666666666667"}, {float32(0.1), "0.1"},
		{1.5e-7, "1.5E-7"}, {99999999999999.99, "1.0E+14"}, {math.Copysign(0, -1), "-0"}, {1e100, "1.0E+100"},
	}
	for _, tc := range cases {
		r := BuildReadRequest("X").AddFilter("f", "eq", tc.in)
		if r.Err() != nil {
			t.Errorf("%v: %v", tc.in, r.Err())
			continue
		}
		if got := r.Filters()[0].Value; got != tc.want {
			t.Errorf("%#v formatted as %q, want %q", tc.in, got, tc.want)
		}
	}
}
