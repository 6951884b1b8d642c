package main

import "github.com/dkscript/dkscript/bindings"

// helperModules returns the automation helper modules every CLI run gets (fs, csv, path,
// dates), with all their capabilities.
func helperModules(st *state) []bindings.Module {
	return nil
}
