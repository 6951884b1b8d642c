package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/dkscript/dkscript/runtime"
)

// usageError is a mistake on the command line or in the configuration: exit code 2.
type usageError struct {
	msg  string
	cmd  string // the command whose --help to point at ("" for the top level)
	hint bool   // add a "see --help" line
}

func (e *usageError) Error() string { return e.msg }

// ExitCode returns [runtime.ExitUsage].
func (e *usageError) ExitCode() int { return runtime.ExitUsage }

// usagef returns a usage error that points at cmd's --help.
func usagef(cmd, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), cmd: cmd, hint: true}
}

// configErrorf returns a usage error about the configuration (no --help pointer).
func configErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errInterrupted is the cause of a run context cancelled by Ctrl-C or SIGTERM.
var errInterrupted = errors.New("interrupted")

// interruptedError is the error of a run stopped by a signal; it keeps what the runtime
// reported (where the script was).
type interruptedError struct{ err error }

func (e *interruptedError) Error() string {
	return "interrupted" + where(e.err) + abandoned(e.err) + inFlight(e.err)
}

// ExitCode returns [runtime.ExitInterrupted].
func (e *interruptedError) ExitCode() int { return runtime.ExitInterrupted }

// Unwrap returns errInterrupted and the runtime's error.
func (e *interruptedError) Unwrap() []error { return []error{errInterrupted, e.err} }

// timeoutError is the cause of a run context ended by --timeout; as the run's error it
// also keeps what the runtime reported (where the script was).
type timeoutError struct {
	after time.Duration
	err   error
}

func (e *timeoutError) Error() string {
	return fmt.Sprintf("timed out after %s (--timeout)%s%s%s", e.after, where(e.err), abandoned(e.err), inFlight(e.err))
}

// ExitCode returns [runtime.ExitTimeout].
func (e *timeoutError) ExitCode() int { return runtime.ExitTimeout }

// abandoned says why the CLI did not wait for a stopped script: it was inside a
// built-in function (a deep JSON.stringify) that no interrupt reaches.
func abandoned(err error) string {
	var ie *runtime.InterruptError
	if errors.As(err, &ie) && ie.Abandoned != "" {
		return fmt.Sprintf(" (the script was inside a built-in function that did not stop within %s; exiting without waiting for it)", ie.Abandoned)
	}
	return ""
}

// inFlight names the writes a stopped run cut off, which may have been applied.
func inFlight(err error) string {
	var ie *runtime.InterruptError
	if errors.As(err, &ie) {
		return runtime.InFlightNote(ie.InFlight)
	}
	return ""
}

// where returns " at file:line" for the JavaScript a stopped run was executing, or "".
func where(err error) string {
	var ie *runtime.InterruptError
	if errors.As(err, &ie) && ie.File != "" {
		return fmt.Sprintf(" at %s:%d", ie.File, ie.Line)
	}
	var se *runtime.ScriptError
	if errors.As(err, &se) && se.File != "" {
		return fmt.Sprintf(" at %s:%d", se.File, se.Line)
	}
	return ""
}

// finish reports err on stderr as the CLI does and returns the process exit code:
// usage errors with a pointer to --help, interruptions and timeouts in one line, script
// errors as the runtime formats them (position, source line, caret, stack), and nothing
// for a script's own process.exit(code).
func finish(st *state, err error) int {
	if err == nil {
		return runtime.ExitOK
	}
	var ie *interruptedError
	if errors.As(err, &ie) {
		fmt.Fprintf(st.Stderr, "dkscript: %v\n", ie)
		return runtime.ExitInterrupted
	}
	var te *timeoutError
	if errors.As(err, &te) {
		fmt.Fprintf(st.Stderr, "dkscript: %v\n", te)
		return runtime.ExitTimeout
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(st.Stderr, "dkscript: %s\n", ue.msg)
		if ue.hint {
			if ue.cmd != "" {
				fmt.Fprintf(st.Stderr, "Run 'dkscript %s --help' for usage.\n", ue.cmd)
			} else {
				fmt.Fprintln(st.Stderr, "Run 'dkscript --help' for usage.")
			}
		}
		return runtime.ExitUsage
	}
	var xe *runtime.ExitError
	if errors.As(err, &xe) {
		return xe.Code
	}
	fmt.Fprintln(st.Stderr, err)
	return runtime.ExitCode(err)
}
