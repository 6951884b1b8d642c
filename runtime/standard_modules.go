package runtime

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
)

// StandardModules returns the automation helper modules the dkscript CLI gives every
// script, for Options.Modules: fs, csv, path and dates, with relative paths resolved
// against baseDir ("" for the working directory). fs and csv read and write files only
// when the runtime grants Capabilities.FileAccess.
func StandardModules(baseDir string) []bindings.Module {
	return []bindings.Module{
		jsfs.New(jsfs.Options{BaseDir: baseDir}),
		jscsv.New(jscsv.Options{BaseDir: baseDir}),
		jspath.New(jspath.Options{BaseDir: baseDir}),
		jsdates.New(jsdates.Options{}),
	}
}
