package jsfs_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/runtime"
)

// A host grants the fs module by adding it to the runtime's modules; relative paths start
// at BaseDir, and "/dev/stdin" is the input the host gave the runtime.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "fs-example")
	defer os.RemoveAll(dir)
	rt, err := runtime.New(runtime.Options{
		Stdout:       os.Stdout,
		Stdin:        strings.NewReader("alice\r\nbob\r\n"),
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "names.js", `
		const fs = require("fs");
		fs.mkdirSync("out/daily", {recursive: true});
		const w = fs.createWriter("out/daily/names.txt");
		try {
			for (const name of fs.lines("/dev/stdin")) w.writeLine(name.toUpperCase());
		} finally {
			w.close();
		}
		console.log(fs.readFileSync("out/daily/names.txt", "utf8").trim().split("\n"));
		console.log(fs.statSync("out/daily/names.txt").size, fs.existsSync("nothing.txt"));
		try {
			fs.readFileSync("nothing.txt");
		} catch (e) {
			console.log(e.code, e.message);
		}
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// [ 'ALICE', 'BOB' ]
	// 10 false
	// ENOENT ENOENT: no such file or directory, open 'nothing.txt'
}
