package jstypes

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"daktela.ReadRequest.addFilter", "daktela.ReadRequest.addFilter"},
		{"daktela.ReadRequest.prototype.addFilter", "daktela.ReadRequest.addFilter"},
		{"ReadRequest.addFilter", "daktela.ReadRequest.addFilter"},
		{"addFilterFromArray()", "daktela.ReadRequest.addFilterFromArray"},
		{"fs.readFileSync", "fs.readFileSync"},
		{"console.table", "console.table"},
		{"sleep", "sleep"},
		{"daktela", "daktela"},
		{"daktela.Client.getInstance", "daktela.Client.getInstance"},
	} {
		e, ok := Lookup(tc.in)
		if !ok || e.Name != tc.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, e.Name, ok, tc.want)
		}
	}
	// Ambiguous and unknown names find nothing.
	for _, in := range []string{"getModel", "nothing.here", ""} {
		if e, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) found %q", in, e.Name)
		}
	}
}

func TestEntries(t *testing.T) {
	e, _ := Lookup("daktela.ReadRequest.TYPE_ALL")
	if !e.Static || e.Kind != KindProperty || e.Parent != "daktela.ReadRequest" {
		t.Errorf("TYPE_ALL: %+v", e)
	}
	e, _ = Lookup("daktela.Client.execute")
	if n := strings.Count(e.Signature, "\n") + 1; n != 3 || !strings.Contains(e.Doc, "NotFoundException") {
		t.Errorf("execute: %d overloads, doc %q; want 3 and the exceptions", n, e.Doc)
	}
	e, _ = Lookup("daktela.NotFoundException")
	if e.Kind != KindClass || e.Extends != "RequestException" {
		t.Errorf("NotFoundException: %+v", e)
	}
	if ms := Members("daktela.RequestFactory"); len(ms) != 7 {
		t.Errorf("RequestFactory has %d members, want the 7 builders", len(ms))
	}
}

func TestDescribe(t *testing.T) {
	s, err := Describe("daktela.ReadRequest.addFilter")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"daktela.ReadRequest#addFilter(field: FieldPath<T>, operator: FilterOperator", "): this", "left out for isnull"} {
		if !strings.Contains(s, want) {
			t.Errorf("Describe(addFilter) lacks %q:\n%s", want, s)
		}
	}
	s, _ = Describe("daktela.ReadRequest")
	for _, want := range []string{"class ReadRequest", "static TYPE_ALL", "addFilter()", "setTake()"} {
		if !strings.Contains(s, want) {
			t.Errorf("Describe(ReadRequest) lacks %q:\n%s", want, s)
		}
	}
	s, _ = Describe("daktela.Client.getInstance")
	if !strings.HasPrefix(s, "daktela.Client.getInstance(url: string, token: string): Client") {
		t.Errorf("a static method reads as a call on the class:\n%s", s)
	}
	s, _ = Describe("path.sep")
	if !strings.HasPrefix(s, "path.sep: string") {
		t.Errorf("a module constant:\n%s", s)
	}
	_, err = Describe("daktela.buildRead")
	if err == nil || !strings.Contains(err.Error(), "did you mean") || !strings.Contains(err.Error(), "buildReadRequest") {
		t.Errorf("unknown name: %v", err)
	}
}

func TestOverview(t *testing.T) {
	s := Overview()
	for _, want := range []string{"daktela  ReadRequest", "buildReadRequest()", "fs       readFileSync()", "csv", "dates", "globals  daktela require() console process sleep()"} {
		if !strings.Contains(s, want) {
			t.Errorf("Overview lacks %q:\n%s", want, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if len(line) > 90 {
			t.Errorf("line longer than 90 columns: %q", line)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"declare module \"x\" {\n  export function f(): void\n}\n", // no ;
		"}\n",
		"declare module \"x\" {\n",
		"/** never closed\n",
		"declare module \"x\" {\n  f(): void;\n}\n", // a member outside a class
	} {
		if _, err := parse(src); err == nil {
			t.Errorf("parse(%q) succeeded", src)
		}
	}
}
