package jsdaktela_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// The runtime instantiates the module with jsdaktela.New(jsdaktela.Config{Client: ...});
// a script then reads through daktela.client() with the PHP connector's builders.
func Example() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()

	rt, err := runtime.New(runtime.Options{Client: srv.Client(), Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "example.js", `
		const request = daktela.RequestFactory.buildReadRequest("Users")
			.addFilter("name", "eq", "admin");
		const response = daktela.client().execute(request);
		console.log(response.getTotal(), response.getData()[0].title);
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output: 1 Adam Admin
}
