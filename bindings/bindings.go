// Package bindings defines how JavaScript modules over Go plug into a dkscript runtime,
// and the argument checks they share. The modules themselves live in the sub-packages:
// jsdaktela (the daktela module), jsrecords (records as lazy JS objects), jsfs, jscsv,
// jspath and jsdates (the automation helpers), jscrypto (hashes, HMACs, random values),
// jsos, jsassert and jsweb (the web-platform globals).
//
// A module is a [Module]: the runtime calls Instantiate once per runtime that requires
// it, handing it the [Host], and gives the returned value to require(name) (and, for
// modules that want it, to a global of the same name).
package bindings

import (
	"context"
	"io"

	"github.com/dop251/goja"
)

// Host is what a module instance sees of the runtime that loads it. Its methods must be
// called on the runtime's goroutine (the one running JS), except where noted.
type Host interface {
	// VM returns the JavaScript runtime.
	VM() *goja.Runtime
	// Context returns the context of the current run; it is cancelled when the run is
	// interrupted or times out. Every blocking Go call a module makes must use it.
	Context() context.Context
	// RegisterCallback reserves a slot on the event loop, so the loop keeps running until
	// the returned enqueue function is called (exactly once, from any goroutine) with a
	// function to run on the loop, e.g. one that resolves a promise. It is how a module
	// does work on another goroutine and comes back.
	RegisterCallback() (enqueue func(func() error))
	// Stdin, Stdout and Stderr are the run's streams (Stdin is empty when none was given).
	Stdin() io.Reader
	Stdout() io.Writer
	Stderr() io.Writer
}

// Module is a JavaScript module implemented in Go.
type Module interface {
	// Name is the name scripts require it by, e.g. "daktela" or "fs".
	Name() string
	// Instantiate builds the module's exports for one runtime.
	Instantiate(h Host) (goja.Value, error)
}

// FileUser is implemented by modules that read or write files (fs, csv). A runtime
// loads such a module only when its host grants file access; otherwise require (and
// the module's global, if any) throws.
type FileUser interface {
	Module
	UsesFiles() bool
}

// Global is implemented by modules that are also available as a global variable under
// their name without require (the daktela module is).
type Global interface {
	Module
	IsGlobal() bool
}

// IsInternalSource reports whether file names a module's own embedded JavaScript, by
// the convention "<module>/file.js" (the daktela module's "<daktela>/iterator.js"). An
// error passing through such code is reported at the script's line that called into it,
// and its frames are left out of the stacks the runtime prints.
func IsInternalSource(file string) bool {
	if len(file) < 4 || file[0] != '<' {
		return false
	}
	for i := 1; i < len(file)-1; i++ {
		if file[i] == '>' {
			return file[i+1] == '/'
		}
	}
	return false
}
