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

// A string filter allocates at most the box of its value (Filter.Value is an any) beside
// the request and its filter list, which is made once for the first few filters.
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
	if allocs > 2+smallListCap {
		t.Errorf("%v allocations for a request with %d string filters", allocs, smallListCap)
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
