package daktela

import "testing"

// The switch that checks operators on the hot path agrees with the operator table the
// messages are made from.
func TestKindOfMatchesOperatorTable(t *testing.T) {
	for _, op := range operatorList {
		if got, want := kindOf(op), operatorKinds[op]; got != want || got == 0 {
			t.Errorf("kindOf(%q) = %d, the table says %d", op, got, want)
		}
	}
	for _, op := range []string{"", "EQ", "Eq", " eq", "eq ", "=", "notIn", "isempty", "between", "in\x00"} {
		if k := kindOf(op); k != 0 {
			t.Errorf("kindOf(%q) = %d, want 0 (not an operator)", op, k)
		}
		if _, ok := operatorKinds[op]; ok {
			t.Errorf("the table knows %q, the test expected it not to", op)
		}
	}
	if len(operatorKinds) != len(operatorList) {
		t.Errorf("the table has %d operators, the list %d", len(operatorKinds), len(operatorList))
	}
}

// AddFilter with a string value allocates only the filter list (once for the first few
// filters) and nothing per filter.
func TestAddFilterAllocations(t *testing.T) {
	var r *ReadRequest
	allocs := testing.AllocsPerRun(200, func() {
		r = NewReadRequest("users")
		for range smallListCap {
			r.AddFilter("name", "eq", "admin")
		}
	})
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	// The request itself and its filter list.
	if allocs > 2 {
		t.Errorf("NewReadRequest + %d AddFilter calls made %.0f allocations, want 2", smallListCap, allocs)
	}
}
