// Package runtime is the embeddable dkscript JavaScript host: a goja VM with an event
// loop, CommonJS require, console, timers, process, interrupts and error formatting, with
// the daktela module (and any other [bindings.Module]) injected.
//
// PLACEHOLDER API: the runtime helper implements the bodies; the exported surface is the
// contract the CLI and the REPL code against.
package runtime

import (
	"context"
	"io"
	"io/fs"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// Capabilities are what a script may do beyond talking to the configured client. All
// are off unless granted; the CLI grants them all.
type Capabilities struct {
	FileAccess bool // the fs and csv modules, require of files outside ModuleFS
	Env        bool // process.env holds Options.Env (else it is empty)
	NewClients bool // new daktela.Client(url, token), Client.getInstance and daktela.login
}

// Options configure a Runtime. The zero value is a sandboxed runtime with no client,
// writing to io.Discard.
type Options struct {
	Client       *daktela.Client   // what daktela.client() returns; nil: it throws
	Stdout       io.Writer         // console.log, process.stdout; nil: io.Discard
	Stderr       io.Writer         // console.error and warnings; nil: io.Discard
	Stdin        io.Reader         // piped input for scripts; nil: empty
	Args         []string          // process.argv after the script path
	Env          map[string]string // process.env, when Capabilities.Env is granted
	ModuleFS     fs.FS             // where require finds relative modules; nil: the OS file system when FileAccess is granted
	Modules      []bindings.Module // modules beyond daktela (the CLI adds fs, csv, path, dates)
	Capabilities Capabilities
	// MaxCallStackSize limits JS recursion (default 10 000 frames).
	MaxCallStackSize int
	// Timeout ends a run after this long with [ErrTimeout] (0: no limit).
	Timeout time.Duration
	// Color makes console output of objects coloured, as on a terminal.
	Color bool
}

// Runtime runs scripts. It is not safe for concurrent use: run one script at a time on
// it. Many runtimes may run side by side.
type Runtime struct{}

// New returns a runtime configured by opts.
func New(opts Options) (*Runtime, error) { panic("not implemented") }

// RunFile runs the script at path (a "#!" first line is allowed) until it and everything
// it started (timers, promises, async requests) has finished, or ctx is cancelled.
func (r *Runtime) RunFile(ctx context.Context, path string) error { panic("not implemented") }

// RunString runs src as a script named name (used in error positions).
func (r *Runtime) RunString(ctx context.Context, name, src string) error {
	panic("not implemented")
}

// Eval evaluates src as the REPL and `dkscript eval` do: top-level await is allowed,
// let/const/class declarations stay visible to later Evals, and the value of the last
// expression (awaited if it is a promise) is returned.
func (r *Runtime) Eval(ctx context.Context, src string) (goja.Value, error) {
	panic("not implemented")
}

// Do runs fn on the runtime's goroutine with the VM (for completion, printing, ...).
func (r *Runtime) Do(ctx context.Context, fn func(vm *goja.Runtime) error) error {
	panic("not implemented")
}

// Inspect formats v as console.log does (Node-like, coloured when Options.Color is set).
// It must be called from inside Do or on a value returned by Eval before the next run.
func (r *Runtime) Inspect(v goja.Value) string { panic("not implemented") }

// Close releases the runtime; pending timers are dropped.
func (r *Runtime) Close() {}

// Exit codes, as the CLI uses them.
const (
	ExitOK          = 0
	ExitScriptError = 1
	ExitUsage       = 2
	ExitTimeout     = 124
	ExitInterrupted = 130
)

// ExitCode returns the process exit code for err: 0 for nil, the code carried by an error
// that has an ExitCode() int method (found with errors.As), else 1.
func ExitCode(err error) int { panic("not implemented") }
