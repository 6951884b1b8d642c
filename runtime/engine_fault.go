package runtime

import "github.com/dop251/goja"

// engineFault is a Go runtime error (an index out of range, a nil dereference) that
// escaped the JavaScript engine or a module while a script ran: a fault of Go code,
// not of the script. stack is the script's stack where it happened, as far as the
// engine still knows it.
type engineFault struct {
	err   error
	stack []goja.StackFrame
}

func (f *engineFault) Error() string { return f.message() }

func (f *engineFault) Unwrap() error { return f.err }

// message says what failed and that the script is not to blame, naming the engine
// fault scripts are known to meet.
func (f *engineFault) message() string {
	return "the JavaScript engine failed (" + f.err.Error() + "); this is a fault of dkscript's engine, " +
		"not of the script. A known cause is `arguments` inside an arrow function: use a rest parameter " +
		"(function f(...args)) instead"
}
