package daktela

import (
	"fmt"
	"reflect"
	"testing"
)

// AddStringFilter builds the same request as AddFilter with the same string value, and
// reports the same mistake, for every kind of operator, an unknown one and an empty
// field, whatever was added before (a group changes how later filters nest).
func TestAddStringFilterMatchesAddFilter(t *testing.T) {
	ops := append(Operators(), "", "EQ", "==", "between")
	before := []func(*ReadRequest){
		func(*ReadRequest) {},
		func(r *ReadRequest) { r.AddFilter("a", "eq", "1") },
		func(r *ReadRequest) {
			r.AddFilterFromArray(map[string]any{"logic": "or", "filters": []any{[]any{"a", "eq", "1"}, []any{"b", "eq", "2"}}})
		},
	}
	for bi, prepare := range before {
		for _, op := range ops {
			for _, field := range []string{"name", ""} {
				for _, value := range []string{"admin", ""} {
					want, got := NewReadRequest("Users"), NewReadRequest("Users")
					prepare(want)
					prepare(got)
					want.AddFilter(field, op, value)
					got.AddStringFilter(field, op, value)
					if !reflect.DeepEqual(got, want) {
						t.Errorf("before %d, %q %q %q: AddStringFilter made\n%#v\nAddFilter\n%#v", bi, field, op, value, got, want)
					}
				}
			}
		}
	}
}

// A string filter allocates nothing beside the request and its list of string
// conditions, which is made once for the first few filters (the value is not boxed).
func TestAddStringFilterAllocations(t *testing.T) {
	values := []string{fmt.Sprint("adm", "in"), fmt.Sprint("ro", "ot")} // not constants the compiler boxes for free
	var r *ReadRequest
	allocs := testing.AllocsPerRun(200, func() {
		r = NewReadRequest("users")
		for i := range smallListCap {
			r.AddStringFilter("name", "eq", values[i%2])
		}
	})
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if allocs > 2 {
		t.Errorf("%v allocations for a request with %d string filters", allocs, smallListCap)
	}
}

// BenchmarkAddStringFilter adds eight string filters to a fresh request, as a script
// building a read does; ns/op is per filter.
func BenchmarkAddStringFilter(b *testing.B) {
	values := []string{fmt.Sprint("adm", "in"), fmt.Sprint("ro", "ot")}
	b.ReportAllocs()
	var r *ReadRequest
	for i := 0; i < b.N; i++ {
		if i&7 == 0 {
			r = NewReadRequest("Users")
		}
		r.AddStringFilter("username", "eq", values[i&1])
	}
	if r.Err() != nil {
		b.Fatal(r.Err())
	}
}

func ExampleReadRequest_AddStringFilter() {
	r := BuildReadRequest("Users").AddStringFilter("title", "contains", "Novák")
	fmt.Println(r.Err(), r.Filters()[0].Value)
	r.AddStringFilter("roles", "in", "admin") // in takes a list: the same error as AddFilter's
	fmt.Println(r.Err())
	// Output:
	// <nil> Novák
	// addFilter: value must be a list of values (in takes a list), got "admin"
}

// Filters lists every filter in the order added, whether a condition with a string value
// (held apart inside the request) or anything else, and a clone keeps its own.
func TestFiltersKeepOrderAcrossKinds(t *testing.T) {
	or := map[string]any{"logic": "or", "filters": []any{[]any{"a", "eq", "1"}, []any{"b", "eq", "2"}}}
	r := NewReadRequest("Users").
		AddFilterFromArray(or).
		AddStringFilter("c", "eq", "3").
		AddFilter("d", "isnull", nil).
		AddFilter("e", "gte", 5).
		AddFilter("f", "in", []string{"x", "y"}).
		AddStringFilter("g", "like", "z")
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	group := Filter{Logic: "or", Filters: []Filter{
		{Field: "a", Operator: "eq", Value: "1"}, {Field: "b", Operator: "eq", Value: "2"}}}
	want := []Filter{
		group,
		{Field: "c", Operator: "eq", Value: "3"},
		{Field: "d", Operator: "isnull"},
		{Field: "e", Operator: "gte", Value: "5"},
		{Field: "f", Operator: "in", Value: []string{"x", "y"}},
		{Field: "g", Operator: "like", Value: "z"},
	}
	if got := r.Filters(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Filters\n got %#v\nwant %#v", got, want)
	}
	// The same filters added back as one list encode as the original does.
	q, err := r.wire()
	if err != nil {
		t.Fatal(err)
	}
	again := NewReadRequest("Users").AddFilterFromArray(or).AddFilters(r.Filters()[1:]...)
	q2, err := again.wire()
	if err != nil {
		t.Fatal(err)
	}
	if q.Query != q2.Query {
		t.Errorf("query\n%s\nafter adding Filters back\n%s", q.Query, q2.Query)
	}
	c := r.Clone()
	c.AddStringFilter("h", "eq", "after the clone")
	if got := r.Filters(); !reflect.DeepEqual(got, want) {
		t.Errorf("the original changed with its clone: %#v", got)
	}
	r.AddStringFilter("i", "eq", "on the original")
	if got := c.Filters(); len(got) != len(want)+1 || got[len(want)].Field != "h" {
		t.Errorf("the clone's filters: %#v", got)
	}
	if got := r.Filters(); len(got) != len(want)+1 || got[len(want)].Field != "i" {
		t.Errorf("the original's filters: %#v", got)
	}
}
