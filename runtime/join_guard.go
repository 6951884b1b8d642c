package runtime

import (
	"sync"

	"github.com/dop251/goja"
)

// joinGuardProgram replaces Array.prototype.join (which Array.prototype.toString and
// every string conversion of an array call) by a JavaScript function around goja's. goja
// converts nested arrays by recursing in Go, out of reach of the call stack limit: a
// String() of an array nested a million deep was a fatal Go stack overflow. Through a
// JavaScript frame per level, it is the script's RangeError "Maximum call stack size
// exceeded" at Options.MaxCallStackSize levels.
var joinGuardProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("<runtime>/join.js", `(function () {
  const callJoin = Function.prototype.call.bind(Array.prototype.join);
  const guarded = {join(separator) { return callJoin(this, separator); }}.join;
  Object.defineProperty(Array.prototype, "join", {value: guarded, writable: true, enumerable: false, configurable: true});
})()`, true)
})

// installJoinGuard installs joinGuardProgram.
func (r *Runtime) installJoinGuard() {
	if _, err := r.vm.RunProgram(joinGuardProgram()); err != nil {
		panic(err)
	}
}
