package jsdaktela

import "testing"

// addFilter's fast path for a string or integer value keeps every behaviour of the
// general one: the same filters, the same wire values and the same messages, in the same
// order (the operator is checked before the field and the value).
func TestAddFilterFastPath(t *testing.T) {
	runCases(t, withClient, []scriptCase{
		{name: "string and integer values", src: `
const r = daktela.buildReadRequest("Users")
	.addFilter("name", "eq", "admin").addFilter("priority", "gte", 3).addFilter("n", "lt", -0)
	.addFilter("big", "lte", 9007199254740992).addFilter("f", "gt", 1.5).addFilter("t", "eq", true)
	.addFilter("x", "isnull", "").addFilter("y", "isnotnull", 7)
	.addFilter("l", "in", ["a", 2]).addFilter("s", "startswith", "Jan", "extra");
print(JSON.stringify(r.getFilters()));`,
			want: `{"logic":"and","filters":[{"field":"name","operator":"eq","value":"admin"},{"field":"priority","operator":"gte","value":"3"},` +
				`{"field":"n","operator":"lt","value":"0"},{"field":"big","operator":"lte","value":"9007199254740992"},` +
				`{"field":"f","operator":"gt","value":"1.5"},{"field":"t","operator":"eq","value":"1"},` +
				`{"field":"x","operator":"isnull","value":""},{"field":"y","operator":"isnotnull","value":"7"},` +
				`{"field":"l","operator":"in","value":["a","2"]},{"field":"s","operator":"startswith","value":"Jan"}]}` + "\n"},
		{name: "unknown operator before the empty field", src: "\n\ndaktela.buildReadRequest(\"X\").addFilter(\"\", \"==\", \"b\");",
			wantErr: `TypeError: addFilter: operator must be one of eq, neq,`},
		{name: "unknown operator with an integer", src: "daktela.buildReadRequest(\"X\").addFilter(\"a\", \"EQ\", 1);",
			wantErr: `(operators are lower case: did you mean "eq"?), got "EQ" at test.js:1`},
		{name: "empty field", src: "\ndaktela.buildReadRequest(\"X\").addFilter(\"\", \"eq\", \"b\");",
			wantErr: `TypeError: addFilter: field must be a field name, got "" at test.js:2`},
		{name: "empty field with an integer", src: "daktela.buildReadRequest(\"X\").addFilter(\"\", \"eq\", 5);",
			wantErr: `TypeError: addFilter: field must be a field name, got ""`},
		{name: "in with a string", src: "daktela.buildReadRequest(\"X\").addFilter(\"a\", \"in\", \"b\");",
			wantErr: `TypeError: addFilter: value must be a list of values (in takes a list), got "b"`},
		{name: "notin with an integer", src: "daktela.buildReadRequest(\"X\").addFilter(\"a\", \"notin\", 4);",
			wantErr: `TypeError: addFilter: value must be a list of values (notin takes a list), got 4`},
		{name: "field not a string", src: "daktela.buildReadRequest(\"X\").addFilter(1, \"eq\", \"b\");",
			wantErr: `TypeError: addFilter: field must be a string, got 1`},
		{name: "another object's method", src: "const r = daktela.buildReadRequest(\"X\"); r.addFilter(\"a\", \"eq\", \"b\"); r.addFilter.call({}, \"a\", \"eq\", \"b\");",
			wantErr: `ReadRequest.addFilter: called on an object, not on a ReadRequest`},
	})
}

// The request addFilter remembers as the last one called on is not mixed up with the
// next: each request keeps its own filters.
func TestAddFilterAlternatingRequests(t *testing.T) {
	runCases(t, withClient, []scriptCase{{name: "two requests", src: `
const a = daktela.buildReadRequest("A"), b = daktela.buildReadRequest("B");
for (let i = 0; i < 3; i++) { a.addFilter("a", "eq", "x" + i); b.addFilter("b", "eq", i); }
print(a.getFilters().filters.map(f => f.value).join(), b.getFilters().filters.map(f => f.value).join());`,
		want: "x0,x1,x2 0,1,2\n"}})
}
