package main

import (
	"context"
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

// timeoutError is the cause of a run context ended by --timeout; as the run's error it
// also carries what the runtime reported when it stopped (the script position).
type timeoutError struct {
	after time.Duration
	err   error
}

func (e *timeoutError) Error() string {
	return fmt.Sprintf("timed out after %s (--timeout)", e.after)
}

// ExitCode returns [runtime.ExitTimeout].
func (e *timeoutError) ExitCode() int { return runtime.ExitTimeout }

// silentExit is implemented by errors that only carry an exit code and need no message
// (process.exit(n) from a script).
type silentExit interface {
	error
	ExitCode() int
	Silent() bool
}

// finish reports err on stderr as the CLI does and returns the process exit code.
func finish(st *state, err error) int {
	if err == nil {
		return runtime.ExitOK
	}
	if errors.Is(err, errInterrupted) {
		fmt.Fprintln(st.Stderr, "dkscript: interrupted")
		return runtime.ExitInterrupted
	}
	var te *timeoutError
	if errors.As(err, &te) {
		if te.err != nil && !errors.Is(te.err, context.DeadlineExceeded) && !errors.Is(te.err, context.Canceled) {
			fmt.Fprintln(st.Stderr, te.err)
		}
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
	var se silentExit
	if errors.As(err, &se) && se.Silent() {
		return se.ExitCode()
	}
	fmt.Fprintln(st.Stderr, err)
	return runtime.ExitCode(err)
}
