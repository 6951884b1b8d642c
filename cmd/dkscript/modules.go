package main

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
)

// helperModules returns the automation helper modules every CLI run gets (fs, csv, path,
// dates), with all their capabilities; relative paths resolve against the working
// directory.
func helperModules(st *state) []bindings.Module {
	return []bindings.Module{
		jsfs.New(jsfs.Options{BaseDir: st.Dir}),
		jscsv.New(jscsv.Options{BaseDir: st.Dir}),
		jspath.New(jspath.Options{BaseDir: st.Dir}),
		jsdates.New(jsdates.Options{}),
	}
}
