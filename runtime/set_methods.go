package runtime

import (
	_ "embed"
	"sync"

	"github.com/dop251/goja"
)

// setMethodsSource defines the Set methods of ES2025 on Set.prototype where the engine
// lacks them (goja's approved release does).
//
//go:embed set_methods.js
var setMethodsSource string

// setMethodsProgram is setMethodsSource compiled once per process; each runtime runs it.
var setMethodsProgram = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("<runtime>/set_methods.js", setMethodsSource, true)
})

// installSetMethods gives Set.prototype union, intersection, difference,
// symmetricDifference, isSubsetOf, isSupersetOf and isDisjointFrom when the engine has
// not got them, so scripts written for Node 22 run unchanged. A method the engine has is
// left as it is.
func (r *Runtime) installSetMethods() error {
	p, err := setMethodsProgram()
	if err != nil {
		return err
	}
	_, err = r.vm.RunProgram(p)
	return err
}
