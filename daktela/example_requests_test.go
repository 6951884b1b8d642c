package daktela_test

import (
	"fmt"

	"github.com/dkscript/dkscript/daktela"
)

// Requests are built with the PHP connector's builders; a mistake is kept and returned by
// Err (and by Execute, which then sends nothing).
func ExampleBuildReadRequest() {
	req := daktela.BuildReadRequest("CampaignsRecords").
		AddFilter("created", "gte", "2020-11-01 00:00:00").
		AddFilterFromArray([]any{
			map[string]any{"field": "edited", "operator": "lte", "0": "2020-11-30 23:59:59"},
			[]any{"action", "eq", 0},
		}).
		AddSort("created", "ASC").
		SetTake(1000)
	fmt.Println(req.Err())
	for _, f := range req.Filters() {
		fmt.Printf("%s %s %q\n", f.Field, f.Operator, f.Value)
	}
	fmt.Println(req.Sorts())

	bad := daktela.BuildReadRequest("Users").SetTake(5000)
	fmt.Println(bad.Err())
	// Output:
	// <nil>
	// created gte "2020-11-01 00:00:00"
	// edited lte "2020-11-30 23:59:59"
	// action eq "0"
	// [{created asc}]
	// setTake: take must be a page size from 1 to 1000, got 5000
}

// ParseFilterArray reads the PHP connector's filter arrays, as the JavaScript bindings
// pass them; a top-level "or" group comes back as one group.
func ExampleParseFilterArray() {
	filters, err := daktela.ParseFilterArray(map[string]any{
		"logic": "or",
		"filters": []any{
			map[string]any{"field": "username", "operator": "eq", "value": "admin"},
			[]any{"username", "in", []any{"supervisor", "operator"}},
		},
	})
	fmt.Println(err)
	g := filters[0]
	fmt.Println(g.Logic, len(g.Filters))
	fmt.Printf("%s %s %q\n", g.Filters[1].Field, g.Filters[1].Operator, g.Filters[1].Value)

	_, err = daktela.ParseFilterArray([]any{[]any{"username", "eq", "admin"}, []any{"title", "equals", "x"}})
	fmt.Println(err)
	// Output:
	// <nil>
	// or 2
	// username in ["supervisor" "operator"]
	// addFilterFromArray: filter [1] operator must be one of eq, neq, gt, gte, lt, lte, like, notlike, contains, doesnotcontain, startswith, endswith, isnull, isnotnull, in, notin, begins, notbegins, ends, notends (did you mean "eq"?), got "equals"
}

func ExampleCheckOperator() {
	fmt.Println(daktela.CheckOperator("notin"))
	fmt.Println(daktela.CheckOperator("nin"))
	// Output:
	// <nil>
	// addFilter: operator must be one of eq, neq, gt, gte, lt, lte, like, notlike, contains, doesnotcontain, startswith, endswith, isnull, isnotnull, in, notin, begins, notbegins, ends, notends (did you mean "notin"?), got "nin"
}

func ExampleGetNormalizedPhoneNumber() {
	p := daktela.DefaultIntlPrefix
	n := daktela.DefaultIntlLength
	fmt.Println(daktela.GetNormalizedPhoneNumber("773 794 604", false, p, n))
	fmt.Println(daktela.GetNormalizedPhoneNumber("+420 773 794 604", false, p, n))
	fmt.Println(daktela.GetNormalizedPhoneNumber("00420773794604", true, p, n))
	fmt.Println(daktela.GetNormalizedPhoneNumber("905 123 456", true, "421", n))
	// Output:
	// 00420773794604
	// 00420773794604
	// +420773794604
	// +421905123456
}
