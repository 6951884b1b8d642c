package repl_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
	"github.com/dkscript/dkscript/runtime/repl"
)

// A REPL session on an embedder's runtime. Here the input is piped, so it is read line
// by line without prompts; on a terminal the same call gives line editing, history and
// completion.
func ExampleRun() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	rt, err := runtime.New(runtime.Options{Client: srv.Client(), Stdout: os.Stdout})
	if err != nil {
		panic(err)
	}
	defer rt.Close()

	input := strings.NewReader(`const res = await daktela.client().executeAsync(
  daktela.buildReadRequest("Users").setFields(["name"]).setTake(2))
res.getData().map(u => u.name)
_.length
`)
	err = repl.Run(context.Background(), rt, repl.Config{Stdin: input, Stdout: os.Stdout, Stderr: os.Stdout})
	fmt.Println("session ended:", err)
	// Output:
	// undefined
	// [ 'admin', 'supervisor' ]
	// 2
	// session ended: <nil>
}
