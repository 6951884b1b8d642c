package jsos_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/runtime"
)

// Every runtime has the os module.
func ExampleNew() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "os.js", `
		const os = require("node:os");
		const lines = ["a", "b"].join(os.EOL) + os.EOL;
		console.log(lines.split(os.EOL).length, typeof os.hostname(), os.tmpdir().length > 0);
		console.log(os.platform() === process.platform || os.platform() === "win32");
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 3 string true
	// true
}
