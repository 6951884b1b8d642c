package jscrypto_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/runtime"
)

// Every runtime has the crypto module: require("crypto") and the global crypto.
func ExampleNew() {
	rt, err := runtime.New(runtime.Options{Stdout: os.Stdout})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "hashes.js", `
		const crypto = require("node:crypto");
		console.log(crypto.createHash("sha256").update("hello ").update("world").digest("hex"));
		console.log(crypto.createHmac("sha1", "secret").update("body").digest("base64"));
		console.log(crypto.randomUUID().length, crypto.getRandomValues(new Uint8Array(8)).length);
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9
	// oYmR/35FE6HC0u5R46jpnKiR2c0=
	// 36 8
}
