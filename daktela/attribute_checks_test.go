package daktela

import (
	"encoding/json"
	"math"
	"testing"
	"time"
)

func body(t *testing.T, r Request) string {
	t.Helper()
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	w, err := r.wire()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(w.Body) {
		t.Fatalf("body %q is not valid JSON", w.Body)
	}
	return string(w.Body)
}

// Bodies keep insertion order; a key set again keeps its first place (a PHP array);
// AddAttributes takes a map's keys in sorted order and skips nulls as PHP does;
// AddAttributeList keeps the given order.
func TestAttributeOrder(t *testing.T) {
	type point struct {
		X, Y   int
		hidden int
		Skip   string `json:"-"`
	}
	cases := []struct {
		name string
		req  Request
		want string
	}{
		{"insertion order and overwrite in place",
			BuildCreateRequest("X").AddStringAttribute("z", "1").AddIntAttribute("a", 2).AddStringAttribute("z", "3"),
			`{"z":"3","a":2}`},
		{"map keys sorted, nulls skipped",
			BuildCreateRequest("X").AddAttributes(map[string]any{"b": 1, "a": "x", "c": nil, "d": []any{}}),
			`{"a":"x","b":1,"d":[]}`},
		{"list order kept, nulls skipped",
			BuildUpdateRequest("X").SetObjectName("n").AddAttributeList([]Attribute{{"z", 1}, {"gone", nil}, {"a", true}}),
			`{"z":1,"a":true}`},
		{"explicit null is sent",
			BuildUpdateRequest("X").SetObjectName("n").AddAttribute("user", nil),
			`{"user":null}`},
		{"typed setters",
			BuildCreateRequest("X").AddBoolAttribute("b", false).AddDoubleAttribute("d", 1e21).AddArrayAttribute("l", []any{"a", 1, nil}),
			`{"b":false,"d":1e+21,"l":["a",1,null]}`},
		{"structs, pointers, marshalers, byte slices",
			BuildCreateRequest("X").AddAttribute("p", &point{X: 1, Y: 2, hidden: 3, Skip: "s"}).
				AddAttribute("t", time.Date(2020, 11, 30, 23, 59, 59, 0, time.UTC)).AddAttribute("raw", json.RawMessage(`{"k":[1]}`)).
				AddAttribute("bytes", []byte("hi")),
			`{"p":{"X":1,"Y":2},"t":"2020-11-30T23:59:59Z","raw":{"k":[1]},"bytes":"aGk="}`},
		{"no attributes is an empty object", BuildCreateRequest("X"), `{}`},
		{"non-ASCII and HTML left as they are",
			BuildCreateRequest("X").AddStringAttribute("title", "Žluťoučký kůň <b>&</b>"),
			`{"title":"Žluťoučký kůň <b>&</b>"}`},
	}
	for _, tc := range cases {
		if got := body(t, tc.req); got != tc.want {
			t.Errorf("%s: body %s, want %s", tc.name, got, tc.want)
		}
	}
}

// A value nested deeper than the bound, but not cyclic, is refused too; just under the
// bound it is fine.
func TestAttributeDepth(t *testing.T) {
	nest := func(n int) any {
		var v any = 1
		for i := 0; i < n; i++ {
			v = []any{v}
		}
		return v
	}
	if err := BuildCreateRequest("X").AddAttribute("ok", nest(maxAttributeDepth)).Err(); err != nil {
		t.Fatalf("%d levels: %v", maxAttributeDepth, err)
	}
	if err := BuildCreateRequest("X").AddAttribute("deep", nest(maxAttributeDepth+1)).Err(); err == nil {
		t.Fatalf("%d levels: no error", maxAttributeDepth+1)
	}
	if err := BuildCreateRequest("X").AddAttribute("m", map[int]float64{1: math.NaN()}).Err(); err == nil {
		t.Fatal("NaN inside an int-keyed map: no error")
	}
	if err := BuildCreateRequest("X").AddAttribute("m", map[[2]int]int{}).Err(); err == nil {
		t.Fatal("map with array keys: no error")
	}
}
