package repl

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dop251/goja"
)

func TestIsResponse(t *testing.T) {
	h := newTestHost(t, false)
	h.eval(t, `globalThis.res = daktela.client().execute(daktela.buildReadRequest("Users")); undefined`)
	cases := map[string]bool{
		"res":                      true,
		"res.data":                 false,
		"({ data: [], total: 1 })": false,
		"({ getHttpStatus() { return 200 }, data: [] })": true, // the marker, whoever carries it
		"({ getHttpStatus: 200, data: [] })":             false,
		"42":                                             false,
		"null":                                           false,
	}
	for src, want := range cases {
		v := h.eval(t, src)
		var got bool
		h.do(t, func(*goja.Runtime) { got = IsResponse(v) })
		if got != want {
			t.Errorf("IsResponse(%s) = %v, want %v", src, got, want)
		}
	}
}

func TestFormatResponseList(t *testing.T) {
	h := newTestHost(t, false)
	// What the API says, through the Go client.
	goRes, err := h.client.Execute(context.Background(), daktela.NewReadRequest("users"))
	if err != nil {
		t.Fatal(err)
	}
	v := h.eval(t, `daktela.client().execute(daktela.buildReadRequest("Users"))`)
	var out string
	h.do(t, func(vm *goja.Runtime) { out = FormatResponse(vm, v.(*goja.Object), false, "_") })
	t.Logf("\n%s", out)

	ls := lines(out)
	shown := min(goRes.Total(), summaryRows)
	wantHead := fmt.Sprintf("Response %d · total %d · %d of %d records shown", goRes.HTTPStatus(), goRes.Total(), shown, len(goRes.Records()))
	if ls[0] != wantHead {
		t.Errorf("headline %q, want %q", ls[0], wantHead)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes without colour")
	}
	// One table row per shown record, in order, each holding the record's name.
	rows := 0
	for _, l := range ls {
		if strings.HasPrefix(l, "│ ") && !strings.HasPrefix(l, "│ # ") {
			rec, err := goRes.Records()[rows].Map()
			if err != nil {
				t.Fatal(err)
			}
			name, _ := rec["name"].(string)
			if !strings.Contains(l, "│ "+strconv.Itoa(rows)+" ") || !strings.Contains(l, truncate(name, summaryCellMax)) {
				t.Errorf("row %d %q does not show record %q", rows, l, name)
			}
			rows++
		}
	}
	if rows != shown {
		t.Errorf("%d rows, want %d", rows, shown)
	}
	// No line is wider than the budget.
	for _, l := range ls {
		if w := len([]rune(l)); w > summaryWidth {
			t.Errorf("line of %d columns: %q", w, l)
		}
	}
	if !strings.Contains(out, "(all of it: _.data") {
		t.Errorf("no pointer to the full data: %q", out)
	}
}

func TestFormatResponseShapes(t *testing.T) {
	h := newTestHost(t, true)
	// A single record (data is an object), coloured.
	v := h.eval(t, `daktela.client().execute(daktela.buildReadSingleRequest("Users", "admin"))`)
	var out string
	h.do(t, func(vm *goja.Runtime) { out = FormatResponse(vm, v.(*goja.Object), true, "_") })
	if !strings.Contains(out, "\x1b[32m200\x1b[0m") || !strings.Contains(out, "one record") || !strings.Contains(out, " email ") || !strings.Contains(out, "admin@example.com") {
		t.Errorf("single record, coloured: %q", out)
	}
	// An empty list.
	v = h.eval(t, `daktela.client().execute(daktela.buildReadRequest("Users").addFilter("name", "eq", "nobody-here"))`)
	h.do(t, func(vm *goja.Runtime) { out = FormatResponse(vm, v.(*goja.Object), false, "res") })
	if !strings.Contains(lines(out)[0], "total 0 · no records") || !strings.Contains(out, "res.data") {
		t.Errorf("empty list: %q", out)
	}
	// A response with errors (an object carrying the marker, as a failed write's
	// response would).
	v = h.eval(t, `({ getHttpStatus() { return 422 }, data: [], getTotal() { return 0 }, hasErrors() { return true }, getFirstError() { return "title is required" } })`)
	h.do(t, func(vm *goja.Runtime) { out = FormatResponse(vm, v.(*goja.Object), false, "_") })
	if !strings.HasPrefix(out, "Response 422") || !strings.Contains(out, "error: title is required") {
		t.Errorf("errors: %q", out)
	}
}

func TestRecordTableCells(t *testing.T) {
	h := newTestHost(t, false)
	v := h.eval(t, `[
		{ name: "a", title: "x".repeat(60), queue: { name: "3000", title: "Support" }, tags: [1, 2], nested: { k: 1 }, empty: {}, none: null, multi: "one\ntwo" },
		{ name: "b", extra: true },
	]`)
	var out string
	h.do(t, func(vm *goja.Runtime) {
		rows, _, _ := arrayItems(vm, v, 100)
		out = recordTable(vm, rows, false)
	})
	t.Logf("\n%s", out)
	for _, want := range []string{"Support", "[2]", "{…}", "{}", "null", "one two", strings.Repeat("x", summaryCellMax-1) + "…", "true"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	// Many columns: those that do not fit are named below the table.
	v = h.eval(t, `[Object.fromEntries(Array.from({length: 30}, (_, i) => ["field" + i, "value" + i]))]`)
	h.do(t, func(vm *goja.Runtime) {
		rows, _, _ := arrayItems(vm, v, 100)
		out = recordTable(vm, rows, false)
	})
	ls := lines(out)
	note := out[strings.LastIndex(out, "┘")+len("┘\n"):]
	if !strings.HasPrefix(note, "+ ") || !strings.Contains(note, "field29") {
		t.Errorf("hidden columns not named: %q", note)
	}
	for _, l := range ls {
		if w := len([]rune(l)); w > summaryWidth {
			t.Errorf("line of %d columns", w)
		}
	}
}

func TestFormatResponseLargePage(t *testing.T) {
	h := newTestHostWith(t, false, daktelatest.Options{Records: map[string]int{"campaignsRecords": 300}})
	v := h.eval(t, `daktela.client().execute(daktela.buildReadRequest("CampaignsRecords").setTake(250))`)
	var out string
	h.do(t, func(vm *goja.Runtime) { out = FormatResponse(vm, v.(*goja.Object), false, "_") })
	head := lines(out)[0]
	if !strings.Contains(head, "total 300") || !strings.HasSuffix(head, fmt.Sprintf("%d of 250 records shown", summaryRows)) {
		t.Errorf("headline %q", head)
	}
	if n := strings.Count(out, "\n│ "); n != summaryRows+1 {
		t.Errorf("%d table lines, want a header and %d rows", n, summaryRows)
	}
}
