package jsassert_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/runtime"
)

// Every runtime has the assert module; a failed check is Node's AssertionError.
func ExampleNew() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "checks.js", `
		const assert = require("node:assert");
		assert.deepStrictEqual({ queue: 3000, tags: ["vip"] }, { queue: 3000, tags: ["vip"] });
		try {
			assert.strictEqual(1, "1");
		} catch (e) {
			console.log(e.name, e.code, e.operator);
			console.log(e.message);
		}
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// AssertionError ERR_ASSERTION strictEqual
	// Expected values to be strictly equal:
	//
	// 1 !== '1'
}
