package main

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/runtime"
)

// helperModules returns the automation helper modules every CLI run gets (fs, csv, path,
// dates), with all their capabilities; relative paths resolve against the working
// directory.
func helperModules(st *state) []bindings.Module { return runtime.StandardModules(st.Dir) }
