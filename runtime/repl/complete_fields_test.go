package repl

import (
	"slices"
	"testing"
)

// Tab completes model names in every builder, relations in buildReadRelationRequest,
// and the fields of the request's model inside addFilter, addSort and setFields.
func TestCompleteModelsInEveryBuilder(t *testing.T) {
	h := newTestHost(t, false)
	c := newCompleter(nil)
	for _, line := range []string{`daktela.buildReadSingleRequest("Tick`, `daktela.buildReadMultipleRequest('Tick`,
		`daktela.buildReadRelationRequest("Tick`, `daktela.RequestFactory.buildCreateRequest("Tick`,
		`new daktela.UpdateRequest("Tick`, `daktela.buildDeleteRequest("Tick`} {
		_, got, _ := completeIn(t, h, c, line)
		if !slices.Contains(got, "Tickets") && !slices.Contains(got, `Tickets"`) && !slices.Contains(got, "Tickets'") {
			t.Errorf("%s: got %q, want Tickets among them", line, got)
		}
	}
	head, got, _ := completeIn(t, h, c, `daktela.buildReadRelationRequest("Tickets", 1001, "act`)
	if head != `daktela.buildReadRelationRequest("Tickets", 1001, "` || !slices.Equal(got, []string{`activities"`}) {
		t.Errorf("relation act: head %q got %q", head, got)
	}
}

func TestCompleteFields(t *testing.T) {
	h := newTestHost(t, false)
	c := newCompleter(nil)
	cases := []struct {
		line string
		want []string // exactly these candidates
	}{
		// The chain's builder names the model.
		{`daktela.buildReadRequest("Users").addFilter("las`, []string{`lastname"`}},
		{`daktela.buildReadRequest("Tickets").addSort('stag`, []string{`stage'`}},
		{`daktela.buildReadRequest("Tickets").addFilter("stage", "eq", "OPEN").setFields(["name", "tit`, []string{`title"`}},
		// Dotted paths into links, and custom-field keys.
		{`daktela.buildReadRequest("Tickets").addFilter("category.sl`, []string{"category.sla"}},
		{`daktela.buildReadRequest("Tickets").addFilter("category.sla.uni`, []string{`category.sla.unit"`}},
		{`daktela.buildReadRequest("Contacts").addFilter("customFields.`, []string{"customFields.address", "customFields.email", "customFields.note", "customFields.number"}},
		// A relation read lists the relation's model.
		{`daktela.buildReadRelationRequest("Tickets", 1001, "activities").addFilter("time_w`, []string{`time_wait"`}},
		// A variable holding a request is asked for its model.
		{`req.addFilter("first`, []string{`firstname"`}},
		{`rel.setFields(["id_c`, []string{"id_call"}}, // a link: "." may follow
		{`req.addFilter("name", "eq", "x").addSort("last`, []string{`lastname"`}},
		{`client.iterate(req.setTake(5).addFilter("first`, []string{`firstname"`}},
		// A field no model has, an unknown model or a receiver that is no request: nothing.
		{`daktela.buildReadRequest("Users").addFilter("zzz`, nil},
		{`daktela.buildReadRequest("NoSuchModel").addFilter("na`, nil},
		{`plain.addFilter("na`, nil},
	}
	h.eval(t, `const req = daktela.buildReadRequest("Contacts"); const rel = daktela.buildReadRelationRequest("ActivitiesCall", "x", "recordings"); const plain = { addFilter() {} }; undefined`)
	for _, tc := range cases {
		_, got, _ := completeIn(t, h, c, tc.line)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s<Tab>: got %q, want %q", tc.line, got, tc.want)
		}
	}
	// Several candidates: all fields with the prefix, no closing quote.
	_, got, _ := completeIn(t, h, c, `daktela.buildReadRequest("Users").addFilter("`)
	if len(got) < 30 || !slices.Contains(got, "name") || !slices.Contains(got, "profile") {
		t.Errorf(`Users addFilter(": got %q`, got)
	}
}
