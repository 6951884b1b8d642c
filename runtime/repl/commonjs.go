package repl

import (
	"context"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// commonJSGlobals gives the session the module and exports a CommonJS file assigns to,
// so that .load of one (exports.f = ..., module.exports = ...) runs instead of failing
// with "exports is not defined". As in Node's REPL, module is a global whose id is
// "<repl>"; exports is module.exports as it was at the start. Globals the embedder
// already defined under these names are kept.
const commonJSGlobals = `(function (g) {
  if (typeof g.module === "undefined") {
    Object.defineProperty(g, "module", {value: {id: "<repl>", exports: {}}, writable: true, configurable: true});
  }
  if (typeof g.exports === "undefined" && g.module && typeof g.module === "object") {
    Object.defineProperty(g, "exports", {value: g.module.exports, writable: true, configurable: true});
  }
})(globalThis)`

// defineCommonJS runs commonJSGlobals on rt.
func defineCommonJS(ctx context.Context, rt *runtime.Runtime) error {
	return rt.Do(ctx, func(vm *goja.Runtime) error {
		_, err := vm.RunString(commonJSGlobals)
		return err
	})
}
