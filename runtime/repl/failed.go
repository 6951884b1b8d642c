package repl

import (
	"fmt"

	"github.com/dkscript/dkscript/runtime"
)

// EntriesFailedError is what [Run] returns when piped input ended and some of its
// entries failed: each error was printed as it happened and the session went on, and
// the process exits with [runtime.ExitScriptError] so that a shell or CI sees that the
// input did not run cleanly. A terminal session never ends with it.
type EntriesFailedError struct {
	Failed int // how many entries threw
}

// Error says how many entries failed.
func (e *EntriesFailedError) Error() string {
	if e.Failed == 1 {
		return "repl: 1 entry of the piped input failed"
	}
	return fmt.Sprintf("repl: %d entries of the piped input failed", e.Failed)
}

// ExitCode is [runtime.ExitScriptError].
func (e *EntriesFailedError) ExitCode() int { return runtime.ExitScriptError }

// endError is what a session that ends normally (end of input, .exit) returns: an
// [*EntriesFailedError] when piped input had entries that failed, else nil.
func (s *session) endError() error {
	if s.p.Interactive() || s.failed == 0 {
		return nil
	}
	return &EntriesFailedError{Failed: s.failed}
}
