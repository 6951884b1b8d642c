package jsrecords_test

import (
	"fmt"

	"github.com/dkscript/dkscript/bindings/jsrecords"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

func ExampleNewResponseList() {
	resp, err := daktela.ParsePage(200, []byte(`{"error":[],"result":{"data":[`+
		`{"name":"records_1","queue":{"name":3000,"title":"Podpora"},"action":"5"},`+
		`{"name":"records_2","queue":{"name":3001,"title":"Prodej"},"action":"0"}],"total":2}}`))
	if err != nil {
		panic(err)
	}
	vm := goja.New()
	vm.Set("recs", jsrecords.NewResponseList(vm, resp))
	v, err := vm.RunString(`
		const r = recs[0];
		r.done = true;                      // scripts may change records
		[Object.keys(r).join(), r.queue === r.queue, recs.map(r => r.queue.title).join(), JSON.stringify(r)].join("\n")`)
	if err != nil {
		panic(err)
	}
	fmt.Println(v)
	// Output:
	// name,queue,action,done
	// true
	// Podpora,Prodej
	// {"name":"records_1","queue":{"name":3000,"title":"Podpora"},"action":"5","done":true}
}

func ExampleFromJSON() {
	vm := goja.New()
	errs, err := jsrecords.FromJSON(vm, []byte(`{"form":{"customFields":{"email":["E-mail is not in the correct format"]}}}`))
	if err != nil {
		panic(err)
	}
	vm.Set("errors", errs)
	v, _ := vm.RunString(`errors.form.customFields.email[0]`)
	fmt.Println(v)
	// Output: E-mail is not in the correct format
}
