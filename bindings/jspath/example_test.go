package jspath_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dkscript/dkscript/runtime"
)

func ExampleNew() {
	rt, err := runtime.New(runtime.Options{
		Stdout:  os.Stdout,
		Modules: []bindings.Module{jspath.New(jspath.Options{BaseDir: "/srv/exports"})},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "paths.js", `
		const path = require("path");
		console.log(path.resolve("2026", "calls.csv"));
		console.log(path.join("reports/", "../archive", "q1.csv"));
		console.log(path.basename("/srv/exports/calls.csv", ".csv"), path.extname("calls.tar.gz"));
		console.log(path.relative("/srv/exports/2026", "/srv/archive"));
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// /srv/exports/2026/calls.csv
	// archive/q1.csv
	// calls .gz
	// ../../archive
}
