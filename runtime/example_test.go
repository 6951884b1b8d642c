package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// Embedding the runtime: a client, a runtime, a script.
func Example() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()

	rt, err := runtime.New(runtime.Options{Client: srv.Client(), Stdout: os.Stdout})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "users.js", `
		const res = daktela.client().execute(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"));
		console.log(res.getTotal(), res.getData()[0].name);
	`)
	fmt.Println("exit code", runtime.ExitCode(err))
	// Output:
	// 1 admin
	// exit code 0
}

// An entry that calls process.exit ends Eval with an *ExitError, also for code 0, so
// that a REPL knows to stop.
func ExampleRuntime_Eval_processExit() {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	_, err = rt.Eval(context.Background(), "await null; process.exit(0)")
	var exit *runtime.ExitError
	fmt.Println(errors.As(err, &exit), runtime.ExitCode(err))
	// Output:
	// true 0
}

// Evaluating a file's text in a REPL session: errors name the file, at the line and
// column the file has.
func ExampleRuntime_EvalNamed() {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		panic(err)
	}
	defer rt.Close()
	src := "const base = await Promise.resolve(40)\nconst missing = undefined\nmissing.total + base\n"
	_, err = rt.EvalNamed(context.Background(), "lib.js", src)
	fmt.Println(err)
	// Output:
	// lib.js:3:9
	// Uncaught TypeError: Cannot read property 'total' of missing, which is undefined or null
	// missing.total + base
	//         ^
	//     at lib.js:3:9
}
