package jsweb_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/runtime"
)

// Every runtime has the web globals.
func ExampleNew() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "web.js", `
		const bytes = new TextEncoder().encode("Dobrý den");
		console.log(bytes.length, new TextDecoder().decode(bytes));
		console.log(btoa("user:secret"), atob("dXNlcjpzZWNyZXQ="));
		const copy = structuredClone({ when: new Date(0), tags: new Set(["vip"]) });
		console.log(copy.when.toISOString(), copy.tags.has("vip"));
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 10 Dobrý den
	// dXNlcjpzZWNyZXQ= user:secret
	// 1970-01-01T00:00:00.000Z true
}
