package bindingstest_test

import (
	"fmt"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dop251/goja"
)

// upper is a module with one asynchronous function: upper(s) returns a promise that
// work on another goroutine resolves, through the host's event loop.
type upper struct{}

func (upper) Name() string { return "upper" }

func (upper) Instantiate(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	return vm.ToValue(func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String()
		promise, resolve, _ := vm.NewPromise()
		enqueue := h.RegisterCallback()
		go func() {
			u := strings.ToUpper(s) // the slow work, off the JS goroutine
			enqueue(func() error { return resolve(u) })
		}()
		return vm.ToValue(promise)
	}), nil
}

// A module tested without the runtime: Eval runs the script and then the callbacks the
// module queued, so the promise has settled when it returns.
func ExampleHost() {
	h := bindingstest.NewHost()
	if err := h.Load(upper{}, jspath.New(jspath.Options{})); err != nil {
		panic(err)
	}
	_, err := h.Eval(`
		const path = require("path")
		require("upper")(path.join("dir", "file.txt")).then(s => print("resolved:", s))
	`)
	fmt.Print(h.Output.String(), err)
	// Output:
	// resolved: DIR/FILE.TXT
	// <nil>
}
