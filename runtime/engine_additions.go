package runtime

import (
	_ "embed"
	"sync"

	"github.com/dop251/goja"
)

// engineAdditionsSource defines the built-ins of ES2024 and ES2025 that scripts written
// for current Node use and the engine lacks: the Set methods, Object.groupBy,
// Map.groupBy, Promise.withResolvers, Promise.try and String.prototype.isWellFormed and
// toWellFormed. One the engine has is left as it is.
//
//go:embed engine_additions.js
var engineAdditionsSource string

// engineAdditionsProgram is engineAdditionsSource compiled once per process; each
// runtime runs it.
var engineAdditionsProgram = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("<runtime>/engine_additions.js", engineAdditionsSource, true)
})

// installEngineAdditions defines what engineAdditionsSource holds, so scripts written
// for Node 22 run unchanged.
func (r *Runtime) installEngineAdditions() error {
	p, err := engineAdditionsProgram()
	if err != nil {
		return err
	}
	_, err = r.vm.RunProgram(p)
	return err
}
