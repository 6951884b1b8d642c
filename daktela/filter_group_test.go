package daktela

import (
	"strings"
	"testing"
)

// groupCases pin AddFilterGroup, the call the JavaScript addFilterFromArray makes: a
// group keeps its logic on the wire as PHP's appendFilterGroup keeps it (TestWireGolden
// runs them).
var groupCases = []wireCase{
	{
		name: "an OR group alone is the top level",
		req: func() Request {
			return BuildReadRequest("Users").AddFilterGroup(Filter{Logic: "OR", Filters: []Filter{
				{Field: "name", Operator: "eq", Value: "admin"}, {Field: "name", Operator: "eq", Value: 7},
			}})
		},
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [` +
			`['field' => 'name', 'operator' => 'eq', 'value' => 'admin'], ['field' => 'name', 'operator' => 'eq', 'value' => '7']], 'logic' => 'or']]`,
	},
	{
		name: "an OR group after a condition is nested",
		req: func() Request {
			return BuildReadRequest("Users").AddFilter("title", "neq", "x").
				AddFilterGroup(Filter{Logic: "or", Filters: []Filter{{Field: "name", Operator: "eq", Value: "admin"}}})
		},
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [` +
			`['field' => 'title', 'operator' => 'neq', 'value' => 'x'], ` +
			`['logic' => 'or', 'filters' => [['field' => 'name', 'operator' => 'eq', 'value' => 'admin']]]], 'logic' => 'and']]`,
	},
	{
		name: "an AND group joins the top level and an empty group adds nothing",
		req: func() Request {
			g, err := ParseFilterGroup([]any{[]any{"name", "eq", "admin"}, []any{"title", "eq", "t"}})
			if err != nil {
				panic(err)
			}
			return BuildReadRequest("Users").AddFilterGroup(Filter{Logic: "or"}).AddFilterGroup(g)
		},
		method: "GET", path: "users.json", kind: kindList,
		query: `['skip' => '0', 'take' => '100', 'filter' => ['filters' => [` +
			`['field' => 'name', 'operator' => 'eq', 'value' => 'admin'], ['field' => 'title', 'operator' => 'eq', 'value' => 't']], 'logic' => 'and']]`,
	},
}

// ParseFilterGroup keeps the logic of the argument's top level, which ParseFilterArray
// folds away: a list holding one OR group and an OR group itself differ on the wire.
func TestParseFilterGroupLogic(t *testing.T) {
	or := map[string]any{"logic": "or", "filters": []any{[]any{"name", "eq", "a"}, []any{"name", "eq", "b"}}}
	for _, tc := range []struct {
		in        any
		logic     string
		n         int
		wantLogic string // FilterLogic of a request given the group
	}{
		{or, "or", 2, "or"},
		{[]any{or}, "and", 1, "and"},
		{map[string]any{"logic": "or", "0": []any{"name", "eq", "a"}}, "or", 1, "or"},
		{map[string]any{"field": "name", "operator": "eq", "value": "a"}, "and", 1, "and"},
	} {
		g, err := ParseFilterGroup(tc.in)
		if err != nil {
			t.Fatalf("%v: %v", tc.in, err)
		}
		if g.Logic != tc.logic || len(g.Filters) != tc.n {
			t.Errorf("%v: got logic %q and %d filters, want %q and %d", tc.in, g.Logic, len(g.Filters), tc.logic, tc.n)
		}
		r := BuildReadRequest("Users").AddFilterGroup(g)
		if got := r.FilterLogic(); got != tc.wantLogic {
			t.Errorf("%v: FilterLogic %q, want %q", tc.in, got, tc.wantLogic)
		}
		if got := r.AddFilter("title", "eq", "x").FilterLogic(); got != "and" {
			t.Errorf("%v: FilterLogic after addFilter %q, want and", tc.in, got)
		}
	}
	err := BuildReadRequest("Users").AddFilterGroup(Filter{Logic: "xor", Filters: []Filter{{Field: "a", Operator: "eq", Value: "b"}}}).Err()
	if err == nil || !strings.Contains(err.Error(), `addFilterGroup: logic must be "and" or "or", got "xor"`) {
		t.Errorf("bad logic: %v", err)
	}
}
