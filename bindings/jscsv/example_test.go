package jscsv_test

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/runtime"
)

// A host grants the csv module by adding it to the runtime's modules, with the directory
// relative paths start from.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "csv-example")
	defer os.RemoveAll(dir)
	rt, err := runtime.New(runtime.Options{
		Stdout:       os.Stdout,
		Modules:      []bindings.Module{jscsv.New(jscsv.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "export.js", `
		const csv = require("csv");
		const w = csv.writer("queues.csv", {columns: ["id", {key: "queue.title", header: "queue"}]});
		w.write({id: 1, queue: {title: "Sales, CZ"}});
		w.write({id: 2, queue: {title: "Support"}});
		w.close();
		for (const {line, record} of csv.reader("queues.csv")) {
			console.log(line + ": " + record.id + " → " + record.queue);
		}
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2: 1 → Sales, CZ
	// 3: 2 → Support
}
