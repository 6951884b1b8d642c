// Package jsassert is the assert JavaScript module, Node's assert for checks in
// scripts and their tests: assert(value) and ok, equal, notEqual, strictEqual,
// notStrictEqual, deepStrictEqual, notDeepStrictEqual, throws, doesNotThrow, rejects,
// match and fail. A failed check throws an AssertionError with Node's code
// ERR_ASSERTION, actual, expected and operator; a message argument replaces the
// generated message, an Error argument is thrown as it is. deepStrictEqual compares as
// Node does (prototypes, Object.is for primitives, Date, RegExp, Map, Set, typed arrays,
// circular references); its message shows both values in full rather than Node's
// line diff. It needs no capability.
package jsassert

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

//go:embed assert.js
var source string

// SourceName is the name the module's JavaScript runs under (an internal source: a
// failed check is reported at the script's line).
const SourceName = "<assert>/assert.js"

// program is compiled on first use, not when the process starts: most scripts never
// use it.
var program = sync.OnceValue(func() *goja.Program { return goja.MustCompile(SourceName, source, true) })

// New returns the assert module.
func New() bindings.Module { return module{} }

type module struct{}

// Name returns "assert".
func (module) Name() string { return "assert" }

// Instantiate builds the module's exports for one runtime. Values in messages are
// shown by util.inspect when the runtime has it (as console.log shows them), else by
// String.
func (module) Instantiate(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	f, err := vm.RunProgram(program())
	if err != nil {
		return nil, fmt.Errorf("assert: %w", err)
	}
	build, _ := goja.AssertFunction(f)
	var inspect goja.Value = goja.Undefined()
	if req, ok := goja.AssertFunction(vm.Get("require")); ok {
		if util, err := req(goja.Undefined(), vm.ToValue("util")); err == nil {
			if o, ok := util.(*goja.Object); ok {
				inspect = o.Get("inspect")
			}
		}
	}
	if _, ok := goja.AssertFunction(inspect); !ok {
		inspect = vm.Get("String")
	}
	return build(goja.Undefined(), inspect)
}
