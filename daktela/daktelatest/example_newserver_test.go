package daktelatest_test

import (
	"context"
	"fmt"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// A test server with a synthesised model and an injected fault: the client reads every
// record exactly once although one page failed, and the request log shows the fault.
func ExampleNewServer() {
	srv := daktelatest.NewServer(daktelatest.Options{
		Records: map[string]int{"campaignsRecords": 5000},
		Faults:  "5xx:n=2", // the second request answers 500 once
	})
	defer srv.Close()

	client := srv.Client()
	seen := map[string]bool{}
	req := daktela.BuildReadRequest("CampaignsRecords").SetFields([]string{"name"})
	for rec, err := range client.Iterate(context.Background(), req).All() {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		seen[string(rec)] = true
	}
	faults := 0
	for _, r := range srv.Requests() {
		if r.Fault != "" {
			faults++
			fmt.Println("fault:", r.Fault, r.Status)
		}
	}
	fmt.Println("distinct records:", len(seen), "faults:", faults)
	// Output:
	// fault: 5xx 500
	// distinct records: 5000 faults: 1
}
