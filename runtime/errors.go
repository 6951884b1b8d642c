package runtime

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// ErrTimeout is the cause of a run that went on longer than [Options.Timeout]; the
// [*InterruptError] of such a run wraps it (errors.Is(err, ErrTimeout)).
var ErrTimeout = errors.New("script timed out")

// ErrInterrupted is the cause of a run whose context was cancelled (Ctrl-C).
var ErrInterrupted = errors.New("script interrupted")

// ErrBusy is returned when a run is started on a runtime that is already running one.
var ErrBusy = errors.New("runtime: a script is already running on this runtime")

// ErrClosed is returned by runs on a closed runtime.
var ErrClosed = errors.New("runtime: closed")

// ErrAbandoned is wrapped by the [*InterruptError] of a run that was still inside a
// built-in function (a deep JSON.stringify, a huge sort) [Options.StopGrace] after its
// context ended: the run returned without it, and the runtime refuses later runs with
// ErrAbandoned, since that function may still be using its VM. Go cannot stop a
// goroutine from outside: the function runs on, on its own goroutine, until it returns
// (a CLI exits the process instead).
var ErrAbandoned = errors.New("runtime: abandoned, a run did not stop within its grace period")

// Frame is one JavaScript stack frame of a [ScriptError].
type Frame struct {
	Func   string // function name; "" for top-level code and anonymous functions
	File   string
	Line   int
	Column int
}

// String formats the frame as Node does: "fn (file:line:col)" or "file:line:col".
func (f Frame) String() string {
	pos := f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	if f.Func == "" {
		return pos
	}
	return f.Func + " (" + pos + ")"
}

// ScriptError is an uncaught JavaScript error (thrown, an unhandled promise rejection,
// or a syntax error). Its Error text is what the CLI prints: the position, the
// message, the source line with a caret and the JavaScript stack.
type ScriptError struct {
	// Kind is "Uncaught", "Uncaught (in promise)" or "SyntaxError" (a script that
	// does not compile).
	Kind string
	// Name is the error's class name ("TypeError"), "" for a thrown non-Error value.
	Name string
	// Message is the error message, or the inspected thrown value.
	Message string
	// File, Line and Column locate the error (0 when unknown).
	File         string
	Line, Column int
	// SourceLine is the text of the line at Line (without the newline).
	SourceLine string
	// Stack holds the script frames, innermost first (native frames are left out).
	Stack []Frame
	// Extra holds the error's own enumerable properties, inspected ("{ status: 404 }").
	Extra string
	// Value is the thrown value (nil for syntax errors). It belongs to the runtime and
	// is valid until its next run.
	Value goja.Value

	cause error // the Go error inside a GoError, for errors.As
}

// Error returns the report as the CLI prints it (several lines, no trailing newline).
func (e *ScriptError) Error() string {
	var b strings.Builder
	if e.File != "" {
		fmt.Fprintf(&b, "%s:%d:%d\n", e.File, e.Line, e.Column)
	}
	b.WriteString(e.Headline())
	if e.SourceLine != "" && e.Column > 0 {
		b.WriteString("\n")
		b.WriteString(e.SourceLine)
		b.WriteString("\n")
		b.WriteString(caretLine(e.SourceLine, e.Column))
	}
	for i, f := range e.Stack {
		if i == maxStackLines {
			fmt.Fprintf(&b, "\n    ... %d more", len(e.Stack)-i)
			break
		}
		b.WriteString("\n    at ")
		b.WriteString(f.String())
	}
	if e.Extra != "" {
		b.WriteString("\n")
		b.WriteString(e.Extra)
	}
	return b.String()
}

// Headline is the one-line summary, e.g. "Uncaught TypeError: x is not a function".
func (e *ScriptError) Headline() string {
	msg := e.Message
	if e.Name != "" {
		if msg == "" {
			msg = e.Name
		} else {
			msg = e.Name + ": " + msg
		}
	}
	if e.Kind == "SyntaxError" {
		return msg
	}
	return e.Kind + " " + msg
}

// ExitCode is 1: a script error.
func (e *ScriptError) ExitCode() int { return ExitScriptError }

// Unwrap returns the Go error a native module threw, if any.
func (e *ScriptError) Unwrap() error { return e.cause }

// maxStackLines is how many frames Error prints, as Node's Error.stackTraceLimit.
const maxStackLines = 10

// caretLine puts a caret under column col (1-based) of line, copying tabs so the caret
// lines up in a terminal.
func caretLine(line string, col int) string {
	var b strings.Builder
	i := 0
	for _, r := range line {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	b.WriteByte('^')
	return b.String()
}

// InterruptError ends a run that was cancelled or timed out. It wraps [ErrTimeout] or
// [ErrInterrupted] and the context's cause.
type InterruptError struct {
	Code    int    // ExitTimeout or ExitInterrupted
	Timeout string // the limit that was hit, e.g. "200ms" (timeouts only)
	// File and Line locate the JavaScript that was running, when there was any.
	File string
	Line int
	// MemoryLimit is the limit the process's heap passed ([Options.MaxMemory]), for a
	// run stopped with [ExitMemory].
	MemoryLimit int64
	// InFlight lists the creates, updates and deletes that had been sent and had no
	// answer when the run stopped ("POST contacts.json"): each may or may not have been
	// applied. Check before sending them again.
	InFlight []string
	// Abandoned is the grace period (e.g. "5s") the run was given to stop and did not
	// use, being inside a built-in function; "" when it stopped. See [ErrAbandoned].
	Abandoned string

	cause error
}

// Error describes the interruption and where the script was.
func (e *InterruptError) Error() string {
	var b strings.Builder
	if e.File != "" {
		fmt.Fprintf(&b, "%s:%d\n", e.File, e.Line)
	}
	if e.Code == ExitMemory {
		fmt.Fprintf(&b, "Out of memory: the process used more than %s (the memory limit), so the script was stopped", FormatBytes(e.MemoryLimit))
	} else if e.Code == ExitTimeout {
		if e.Timeout != "" {
			fmt.Fprintf(&b, "Timeout: the script ran longer than %s", e.Timeout)
		} else {
			b.WriteString("Timeout: the script ran past its deadline")
		}
	} else {
		b.WriteString("Interrupted: the script was cancelled")
	}
	if e.Abandoned != "" {
		fmt.Fprintf(&b, " (it was inside a built-in function that did not stop within %s: abandoned)", e.Abandoned)
	}
	b.WriteString(InFlightNote(e.InFlight))
	return b.String()
}

// ExitCode is 124 for a timeout, 137 for the memory limit and 130 for a cancellation.
func (e *InterruptError) ExitCode() int { return e.Code }

// Unwrap returns ErrTimeout or ErrInterrupted, and the context's cause.
func (e *InterruptError) Unwrap() []error {
	base := ErrInterrupted
	switch e.Code {
	case ExitTimeout:
		base = ErrTimeout
	case ExitMemory:
		base = ErrMemoryLimit
	}
	out := []error{base}
	if e.Abandoned != "" {
		out = append(out, ErrAbandoned)
	}
	if e.cause != nil && e.cause != base {
		out = append(out, e.cause)
	}
	return out
}

// ExitError ends a run whose script called process.exit(code) with a non-zero code,
// or finished with process.exitCode set; [Runtime.Eval] returns it for
// process.exit(0) too. It is a normal ending: callers exit with Code and print
// nothing.
type ExitError struct{ Code int }

// Error says which code the script asked for.
func (e *ExitError) Error() string { return "script exited with code " + strconv.Itoa(e.Code) }

// ExitCode returns the code the script asked for.
func (e *ExitError) ExitCode() int { return e.Code }

// ExitCode returns the process exit code for err: 0 for nil, the code carried by an error
// that has an ExitCode() int method (found with errors.As), else 1.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var c interface{ ExitCode() int }
	if errors.As(err, &c) {
		return c.ExitCode()
	}
	return ExitScriptError
}

// CleanupError is the error of a run that succeeded but left files open that could not
// be flushed or closed when it ended (a full disk met by a writer's last buffer): the
// script's output is incomplete although it threw nothing. Err holds one
// [*github.com/dkscript/dkscript/bindings/jsfs.UnclosedError] per file, naming it.
type CleanupError struct{ Err error }

// Error names each file and what failed, one line a file.
func (e *CleanupError) Error() string { return e.Err.Error() }

// Unwrap returns the cleanups' errors.
func (e *CleanupError) Unwrap() error { return e.Err }

// InFlightNote is the line a stopped run's report adds for the writes that were in
// flight ("" for none): they may have been applied.
func InFlightNote(writes []string) string {
	if len(writes) == 0 {
		return ""
	}
	what := "a write was"
	if len(writes) > 1 {
		what = strconv.Itoa(len(writes)) + " writes were"
	}
	return "\n" + what + " in flight when the run stopped and may have been applied (check before sending again): " + strings.Join(writes, ", ")
}

// FormatBytes writes n bytes in binary units: "512 MiB", "1.5 GiB", "900 B".
func FormatBytes(n int64) string {
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " B"
	}
	f, i := float64(n)/1024, 0
	for f >= 1024 && i < 3 {
		f /= 1024
		i++
	}
	return fmt.Sprintf("%.4g %s", f, [...]string{"KiB", "MiB", "GiB", "TiB"}[i])
}
