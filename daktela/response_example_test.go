package daktela_test

import (
	"fmt"

	"github.com/dkscript/dkscript/daktela"
)

func ExampleParsePage() {
	resp, err := daktela.ParsePage(200, []byte(`{"error":[],"result":{"data":[`+
		`{"name":"records_1","queue":{"name":3000,"title":"Podpora"}},`+
		`{"name":"records_2","queue":{"name":3001,"title":"Prodej"}}],"total":"42"},"_time":"2024-04-11 20:13:56"}`))
	if err != nil {
		panic(err)
	}
	var recs []struct {
		Name  string
		Queue struct{ Title string }
	}
	if err := resp.Decode(&recs); err != nil {
		panic(err)
	}
	fmt.Println(resp.Total(), len(resp.Records()), recs[1].Name, recs[1].Queue.Title)
	fmt.Println(resp.Records()[0])
	// Output:
	// 42 2 records_2 Prodej
	// {"name":"records_1","queue":{"name":3000,"title":"Podpora"}}
}

func ExampleAPIErrors_Messages() {
	resp, _ := daktela.ParsePage(400, []byte(`{"error":{"primary":["User have not available devices"],`+
		`"form":{"customFields":{"email":["E-mail is not in the correct format"]}}},"result":null}`))
	for _, m := range resp.Errors().Messages() {
		fmt.Println(m)
	}
	// Output:
	// User have not available devices
	// customFields.email: E-mail is not in the correct format
}
