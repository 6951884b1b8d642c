package jsdates_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/runtime"
)

// The module reads and writes the API's zone-less times in the instance's zone; Now is
// fixed here so the example's ranges do not move.
func ExampleNew() {
	prague, _ := time.LoadLocation("Europe/Prague")
	now := time.Date(2026, 3, 30, 9, 15, 0, 0, prague)
	rt, err := runtime.New(runtime.Options{
		Stdout:  os.Stdout,
		Modules: []bindings.Module{jsdates.New(jsdates.Options{Location: prague, Now: func() time.Time { return now }})},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "report.js", `
		const dates = require("dates");
		const r = dates.range("yesterday");
		console.log(r.from, "..", r.to);
		console.log(dates.range("lastMonth").before);
		const t = dates.parse("2026-03-29 12:30:00");
		console.log(t.toISOString(), dates.format(dates.addDays(t, -1)));
	`)
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2026-03-29 00:00:00 .. 2026-03-29 23:59:59
	// 2026-03-01 00:00:00
	// 2026-03-29T10:30:00.000Z 2026-03-28 12:30:00
}
