package runtime_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// Embedding the runtime: a client, a runtime, a script.
func Example() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()

	rt, err := runtime.New(runtime.Options{Client: daktela.NewClient(srv.URL, srv.Token), Stdout: os.Stdout})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "users.js", `
		const res = daktela.client().execute(daktela.buildReadRequest("Users").addFilter("username", "eq", "admin"));
		console.log(res.getTotal(), res.getData()[0].name);
	`)
	fmt.Println("exit code", runtime.ExitCode(err))
	// Output:
	// 1 admin
	// exit code 0
}
