package jsdaktela

import "testing"

// TestLengthsFromScriptsAreBounded checks every call that takes an array: a length set
// by hand past bindings.MaxArrayLength (nothing stored) is a TypeError naming the
// argument, not a Go slice sized by it (at 2^32-1 items, a fatal out of memory).
func TestLengthsFromScriptsAreBounded(t *testing.T) {
	const big = "const a = []; a.length = 1048577;\n"
	const want = "has 1048577 items, more than the 1048576 a call takes"
	cases := []scriptCase{
		{name: "setFields", src: big + `daktela.buildReadRequest("Users").setFields(a)`,
			wantErr: "TypeError: setFields: fields " + want},
		{name: "addFilter in", src: big + `daktela.buildReadRequest("Users").addFilter("name", "in", a)`,
			wantErr: "TypeError: addFilter: value " + want},
		{name: "addFilterFromArray", src: big + `daktela.buildReadRequest("Users").addFilterFromArray(a)`,
			wantErr: "TypeError: addFilterFromArray: filters " + want},
		{name: "addFilterFromArray value", src: big + `daktela.buildReadRequest("Users").addFilterFromArray([["name", "in", a]])`,
			wantErr: "TypeError: addFilterFromArray: filters[0][2] " + want},
		{name: "addArrayAttribute", src: big + `daktela.buildCreateRequest("Users").addArrayAttribute("x", a)`,
			wantErr: "TypeError: addArrayAttribute: value " + want},
		{name: "addAttribute nested", src: big + `daktela.buildCreateRequest("Users").addAttribute("x", {list: [a]})`,
			wantErr: "TypeError: addAttribute: value.list[0] " + want},
		{name: "addAdditionalQueryParameter", src: big + `daktela.buildReadRequest("Users").addAdditionalQueryParameter("x", a)`,
			wantErr: "TypeError: addAdditionalQueryParameter: value " + want},
		{name: "RetryConfig", src: big + `new daktela.RetryConfig({retryableStatusCodes: a})`,
			wantErr: "TypeError: new daktela.RetryConfig: retryableStatusCodes " + want},
		{name: "isRetryableStatus", src: big + `const r = new daktela.RetryConfig({}); r.retryableStatusCodes = a; r.isRetryableStatus(500)`,
			wantErr: "TypeError: isRetryableStatus: this.retryableStatusCodes " + want},
		{name: "executeAll", src: big + `daktela.client().executeAll(a)`,
			wantErr: "TypeError: executeAll: requests " + want},
		{name: "executeAllSettled", src: big + `daktela.client().executeAllSettled(a)`,
			wantErr: "TypeError: executeAllSettled: requests " + want},
		// Many arrays within the bound add up: one argument holds at most the bound in all.
		{name: "addAttributes in all", src: `const b = []; b.length = 600000; daktela.buildCreateRequest("Users").addAttributes({x: b, y: b})`,
			wantErr: "TypeError: addAttributes: attributes.y makes the value hold more than 1048576 items in all"},
	}
	runCases(t, withClient, cases)
}
