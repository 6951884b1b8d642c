package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// Eval is what the REPL and dkscript eval use: declarations stay visible to later
// calls, top-level await works, and the last expression's value comes back.
func ExampleRuntime_Eval() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	rt, err := runtime.New(runtime.Options{Client: srv.Client()})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	ctx := context.Background()
	if _, err := rt.Eval(ctx, `const req = daktela.buildReadRequest("Queues").setFields(["name"])`); err != nil {
		panic(err)
	}
	v, err := rt.Eval(ctx, `(await daktela.client().executeAsync(req)).getTotal()`)
	if err != nil {
		panic(err)
	}
	fmt.Println("queues:", v.ToInteger(), rt.Inspect(v))
	// Output:
	// queues: 5 5
}

// A script error comes back as a *runtime.ScriptError with the position, and
// process.exit(n) as an exit code; ExitCode maps both for os.Exit.
func ExampleExitCode() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	ctx := context.Background()

	err = rt.RunString(ctx, "fail.js", "const n = 1;\nn.push(2);\n")
	var se *runtime.ScriptError
	if errors.As(err, &se) {
		fmt.Printf("%s:%d:%d %s: %s\n", se.File, se.Line, se.Column, se.Name, se.Message)
	}
	fmt.Println("exit code", runtime.ExitCode(err))

	err = rt.RunString(ctx, "exit.js", `console.log("done"); process.exit(3)`)
	fmt.Println("exit code", runtime.ExitCode(err))
	// Output:
	// fail.js:2:7 TypeError: Object has no member 'push'
	// exit code 1
	// done
	// exit code 3
}

// Capabilities are off unless granted: without FileAccess a script cannot load fs or
// read files, without NewClients it can only use the client it was given, and
// Options.Timeout ends a run that takes too long.
func ExampleCapabilities() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout, Timeout: 250 * time.Millisecond})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "sandbox.js", `
		try { new daktela.Client("https://acme.daktela.com", "t") } catch (e) { console.log(e.name) }
		console.log(Object.keys(process.env).length)
		for (;;) {}
	`)
	fmt.Println(errors.Is(err, runtime.ErrTimeout), runtime.ExitCode(err))
	// Output:
	// TypeError
	// 0
	// true 124
}
