package daktelatest_test

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// A test starts the fake Daktela, reads users with plain net/http as any client would,
// and checks what the server saw.
func Example() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()

	req, _ := http.NewRequest("GET", srv.URL+"/api/v6/users.json?fields[]=name&fields[]=title&take=3", nil)
	req.Header.Set("X-AUTH-TOKEN", srv.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var body struct {
		Error  []string
		Result struct {
			Data  []struct{ Name, Title string }
			Total int
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, "total", body.Result.Total)
	for _, u := range body.Result.Data {
		fmt.Println(u.Name, "-", u.Title)
	}
	seen := srv.Requests()[0]
	fmt.Println(seen.Method, seen.Path, seen.Auth, seen.Query["fields[]"])
	// Output:
	// 200 total 8
	// admin - Adam Admin
	// supervisor - Jana Nováková
	// john.doe - John Doe
	// GET users.json header [name title]
}

// Faults are programmed per test: here the second request to tickets answers 503, and
// every request waits 5 ms.
func ExampleHandler_SetFaultSpec() {
	srv := daktelatest.NewServer(daktelatest.Options{Latency: 5e6})
	defer srv.Close()
	if err := srv.SetFaultSpec("5xx:n=2:path=tickets:status=503"); err != nil {
		fmt.Println(err)
		return
	}
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v6/tickets.json?take=1", nil)
		req.Header.Set("X-AUTH-TOKEN", srv.Token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode)
	}
	// Output:
	// 200
	// 503
	// 200
}

// Options.Records serves millions of records without holding them.
func ExampleParseRecords() {
	recs, err := daktelatest.ParseRecords("campaignsRecords=1M")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := daktelatest.NewServer(daktelatest.Options{Records: recs})
	defer srv.Close()
	fmt.Println(srv.Count("campaignsRecords"), len(srv.Names("campaignsRecords")))
	// Output: 1000000 1000
}
