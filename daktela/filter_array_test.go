package daktela

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func cond(field, op string, value any) Filter {
	return Filter{Field: field, Operator: op, Value: value}
}

// Every form PHP's addFilterFromArray accepts, as Go values and as the JavaScript
// bindings export them (decoded JSON here: []any, map[string]any, float64 numbers).
func TestParseFilterArrayForms(t *testing.T) {
	cases := []struct {
		name string
		in   any
		want []Filter
	}{
		{"positional triplets",
			[]any{[]any{"action", "eq", "0"}, []any{"queue", "in", []any{3000, 3001.0}}},
			[]Filter{cond("action", "eq", "0"), cond("queue", "in", []string{"3000", "3001"})}},
		{"typed lists", [][]any{{"a", "eq", 1}}, []Filter{cond("a", "eq", "1")}},
		{"condition maps",
			[]map[string]any{{"field": "username", "operator": "eq", "value": "admin"}},
			[]Filter{cond("username", "eq", "admin")}},
		{"README positional value under 0",
			[]any{map[string]any{"field": "edited", "operator": "lte", "0": "2020-11-30 23:59:59"}},
			[]Filter{cond("edited", "lte", "2020-11-30 23:59:59")}},
		{"positional value under 2",
			[]any{map[string]any{"field": "edited", "operator": "lte", "2": "2020-11-30"}},
			[]Filter{cond("edited", "lte", "2020-11-30")}},
		{"triplet as an object with keys 0, 1, 2",
			[]any{map[string]any{"0": "a", "1": "neq", "2": false}},
			[]Filter{cond("a", "neq", "0")}},
		{"isnull without value, both forms",
			[]any{[]any{"user", "isnull"}, map[string]any{"field": "queue", "operator": "isnotnull"}, []any{"x", "isnull", nil}},
			[]Filter{cond("user", "isnull", nil), cond("queue", "isnotnull", nil), cond("x", "isnull", nil)}},
		{"a single condition map at the top",
			map[string]any{"field": "a", "operator": "eq", "value": "b", "ignoreCase": "true"},
			[]Filter{{Field: "a", Operator: "eq", Value: "b", IgnoreCase: true}}},
		{"top-level OR group",
			map[string]any{"logic": "OR", "filters": []any{[]any{"a", "eq", "1"}, []any{"b", "eq", "2"}}},
			[]Filter{{Logic: "or", Filters: []Filter{cond("a", "eq", "1"), cond("b", "eq", "2")}}}},
		{"top-level AND group gives its items",
			map[string]any{"logic": "and", "filters": []any{[]any{"a", "eq", "1"}, []any{"b", "eq", "2"}}},
			[]Filter{cond("a", "eq", "1"), cond("b", "eq", "2")}},
		{"group without logic is AND",
			map[string]any{"filters": []any{[]any{"a", "eq", "1"}}},
			[]Filter{cond("a", "eq", "1")}},
		{"list with a logic, as a map with index keys",
			map[string]any{"logic": "or", "1": []any{"b", "eq", "2"}, "0": []any{"a", "eq", "1"}},
			[]Filter{{Logic: "or", Filters: []Filter{cond("a", "eq", "1"), cond("b", "eq", "2")}}}},
		{"nested groups",
			[]any{map[string]any{"logic": "or", "filters": []any{
				[]any{"a", "eq", "1"},
				map[string]any{"filters": []any{[]any{"b", "gt", 2}, []any{"c", "lt", 3}}},
			}}},
			[]Filter{{Logic: "or", Filters: []Filter{cond("a", "eq", "1"),
				{Logic: "and", Filters: []Filter{cond("b", "gt", "2"), cond("c", "lt", "3")}}}}}},
		{"Filter values", []Filter{cond("a", "eq", 5), {Filters: []Filter{cond("b", "eq", true)}}},
			[]Filter{cond("a", "eq", "5"), {Logic: "and", Filters: []Filter{cond("b", "eq", "1")}}}},
		{"empty list", []any{}, nil},
		{"empty group", map[string]any{"logic": "or", "filters": []any{}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseFilterArray(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got  %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

// Wrong items are reported by their index path in the argument, with the reason.
func TestParseFilterArrayErrors(t *testing.T) {
	cases := []struct {
		name string
		json string
		want string
	}{
		{"not a list", `"username"`,
			`addFilterFromArray: filters must be a list of filters or a {logic, filters} group, got "username"`},
		{"null", `null`,
			`addFilterFromArray: filters must be a list of filters or a {logic, filters} group, got null`},
		{"a bare triplet", `["username", "eq", "admin"]`,
			`addFilterFromArray: filter [0] must be ` + filterItemWant + ` (to add one condition, wrap it: [[field, operator, value]], or use addFilter), got "username"`},
		{"short list", `[["a", "eq", "1"], ["b", "eq"]]`,
			`addFilterFromArray: filter [1] must be a [field, operator, value] triplet (only isnull and isnotnull may leave the value out), got a list of 2 items`},
		{"long list", `[["a", "eq", "1", "x"]]`,
			`addFilterFromArray: filter [0] must be ` + filterItemWant + `, got a list of 4 items`},
		{"field not a string", `[[1, "eq", "1"]]`,
			`addFilterFromArray: filter [0][0] must be a field name (string), got 1`},
		{"unknown operator deep", `{"logic": "or", "filters": [["a", "eq", "1"], {"logic": "and", "filters": [["b", "eq", "2"], ["c", "like%", "3"]]}]}`,
			`addFilterFromArray: filter [filters][1][filters][1] operator must be one of ` + operatorsText + `, got "like%"`},
		{"bad logic", `[{"logic": "xor", "filters": [["a", "eq", "1"]]}]`,
			`addFilterFromArray: filter [0] logic must be "and" or "or", got "xor"`},
		{"logic not a string", `{"logic": true, "filters": []}`,
			`addFilterFromArray: logic must be "and" or "or", got true`},
		{"filters not a list", `[{"logic": "or", "filters": "a"}]`,
			`addFilterFromArray: filter [0] filters must be a list of filters, got "a"`},
		{"empty nested group", `[["a", "eq", "1"], {"logic": "or", "filters": []}]`,
			`addFilterFromArray: filter [1] filters must be a non-empty list of filters, got a list of 0 items`},
		{"extra key in a group", `{"logic": "or", "filters": [], "field": "x"}`,
			`addFilterFromArray: key "field" must be absent: a group has only "logic" and "filters", got "x"`},
		{"unknown key in a condition", `[{"field": "a", "operater": "eq", "value": "1"}]`,
			`addFilterFromArray: filter [0] key "operater" must be absent: a condition has "field", "operator", "value" and optionally "ignoreCase", got "eq"`},
		{"no operator", `[{"field": "a", "value": "1"}]`,
			`addFilterFromArray: filter [0] operator must be one of ` + operatorsText + ` (the map has no "operator"), got null`},
		{"no field", `[{"operator": "eq", "value": "1"}]`,
			`addFilterFromArray: filter [0] field must be a field name (the map has no "field"), got null`},
		{"value twice", `[{"field": "a", "operator": "eq", "value": "1", "0": "2"}]`,
			`addFilterFromArray: filter [0] value must be given once (under "value" or positionally, not under both "0" and "value"), got "1"`},
		{"bad ignoreCase", `[{"field": "a", "operator": "eq", "value": "1", "ignoreCase": "maybe"}]`,
			`addFilterFromArray: filter [0] ignoreCase must be a bool, got "maybe"`},
		{"object value", `[["a", "eq", {"x": 1}]]`,
			`addFilterFromArray: filter [0] value must be a string, number or bool, got a map of 1 keys`},
		{"a number item", `[["a", "eq", "1"], 7]`,
			`addFilterFromArray: filter [1] must be ` + filterItemWant + `, got 7`},
		{"map that is neither", `{"a": "eq"}`,
			`addFilterFromArray: key "a" must be "field", "filters", "logic" or a list index (the map is neither a condition nor a group), got "eq"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tc.json), &v); err != nil {
				t.Fatal(err)
			}
			_, err := ParseFilterArray(v)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Fatalf("got  %q\nwant %q", err, tc.want)
			}
			var ae *ArgumentError
			if !errors.As(err, &ae) || ae.Method != "addFilterFromArray" {
				t.Fatalf("%T %v is not an addFilterFromArray *ArgumentError", err, err)
			}
			// The same mistake through the builder is kept as the request's error.
			if r := BuildReadRequest("X").AddFilterFromArray(v); r.Err() == nil || r.Err().Error() != tc.want {
				t.Fatalf("AddFilterFromArray kept %v", r.Err())
			}
		})
	}
}

// Groups nested deeper than the bound are an error, not a stack overflow.
func TestParseFilterArrayDepth(t *testing.T) {
	var v any = []any{[]any{"a", "eq", "1"}}
	for i := 0; i < 100; i++ {
		v = map[string]any{"logic": "or", "filters": []any{v}}
	}
	_, err := ParseFilterArray([]any{v})
	if err == nil {
		t.Fatal("no error for 100 nested groups")
	}
	if want := "nested at most 32 groups deep"; !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want it to say %q", err, want)
	}
	// Go values can nest as deep; AddFilters stops them too.
	f := Filter{Field: "a", Operator: "eq", Value: "1"}
	for i := 0; i < 100; i++ {
		f = Filter{Logic: "or", Filters: []Filter{f}}
	}
	if err := BuildReadRequest("X").AddFilters(f).Err(); err == nil || !strings.Contains(err.Error(), "nested at most 32 groups deep") {
		t.Fatalf("AddFilters: %v", err)
	}
}

// Checking never changes the caller's filters.
func TestAddFiltersDoesNotChangeInput(t *testing.T) {
	in := []Filter{{Logic: "OR", Filters: []Filter{cond("a", "eq", 1), cond("b", "in", []any{1, "x"})}}}
	BuildReadRequest("X").AddFilters(in...)
	if in[0].Logic != "OR" || in[0].Filters[0].Value != 1 {
		t.Fatalf("input changed: %#v", in)
	}
}
