// Package runtime is the embeddable dkscript JavaScript host: a goja VM with an event
// loop, CommonJS require, console, timers, process, interrupts and error formatting, with
// the daktela module (and any other [bindings.Module]) injected.
//
// A [Runtime] runs one script at a time, the caller waiting for it (the script itself
// runs on a goroutine of its own, so that a stop can return even from a stuck built-in,
// see below); many runtimes may run side by side. Every run takes a context:
// cancelling it (or [Options.Timeout]) stops running JavaScript, waiting timers and the
// native calls of modules, and the runtime can run again afterwards.
//
// One thing a context cannot stop: a goroutine inside a built-in function that does not
// look at interrupts (JSON.stringify of a very deep object, one huge sort or join). Go
// has no way to kill a goroutine, so such a run is abandoned after
// [Options.StopGrace]: Run returns an error wrapping [ErrAbandoned], the function runs
// on in the background until it returns, and the runtime refuses later runs. The CLI
// exits the process at that point.
package runtime

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// Capabilities are what a script may do beyond talking to the configured client. All
// are off unless granted; the CLI grants them all.
type Capabilities struct {
	FileAccess bool // the fs and csv modules, require of files outside ModuleFS, the client's downloads and uploads
	Env        bool // process.env holds Options.Env (else it is empty)
	NewClients bool // new daktela.Client(url, token), Client.getInstance and daktela.login
	Net        bool // fetch: HTTP requests to any host, or to NetHosts when set
	// NetHosts, when not empty, are the only hosts fetch may reach with Net granted:
	// "name" (any port) or "name:port", also for every redirect.
	NetHosts []string
}

// Options configure a Runtime. The zero value is a sandboxed runtime with no client,
// writing to io.Discard.
type Options struct {
	Client       *daktela.Client   // what daktela.client() returns; nil: it throws
	Stdout       io.Writer         // console.log, process.stdout; nil: io.Discard
	Stderr       io.Writer         // console.error and warnings; nil: io.Discard
	Stdin        io.Reader         // piped input for scripts; nil: empty
	Args         []string          // process.argv after the script path
	Env          map[string]string // process.env; needs Capabilities.Env (New fails without it)
	ModuleFS     fs.FS             // where require finds relative modules; nil: the OS file system when FileAccess is granted
	Modules      []bindings.Module // modules beyond daktela (the CLI adds fs, csv, path, dates)
	Capabilities Capabilities
	// ConfigureClient, when set, is applied to every client a script makes itself (new
	// daktela.Client, Client.getInstance, daktela.login; see Capabilities.NewClients)
	// before the script uses it. A host gives it what it applied to Client (dry-run,
	// logging, rate cap, retries, timeouts), so those clients are held to the same rules.
	ConfigureClient func(*daktela.Client)
	// NoClientHelp, when set and Client is nil, is what daktela.client()'s error advises:
	// how a connection is configured with this host.
	NoClientHelp string
	// Dir is the directory relative paths of the daktela client's file calls
	// (downloadRecording, downloadFile, uploadFile) resolve against, as a host resolves
	// its fs module's; "": the working directory.
	Dir string
	// NetLogger, when set, gets one entry per fetch request: method, URL (user info
	// and secret-looking query parameters redacted), status, duration, size; never
	// headers or bodies.
	NetLogger *slog.Logger
	// NoNetHelp, when set, is what the error of a fetch made without the Net
	// capability advises: how network access is granted with this host.
	NoNetHelp string
	// MaxFetchBytes limits the body of one answer fetch reads: 0 is 64 MiB
	// (daktela.DefaultMaxResponseBytes), less than 0 no limit.
	MaxFetchBytes int64
	// MaxCallStackSize limits JS recursion (default 10 000 frames).
	MaxCallStackSize int
	// Timeout ends a run after this long with [ErrTimeout] (0: no limit).
	Timeout time.Duration
	// MaxMemory, when more than 0, is the most heap memory in bytes the process may use
	// while a script runs: the process's soft memory limit (debug.SetMemoryLimit) is
	// lowered to it, and a run is stopped with [ErrMemoryLimit] (exit code [ExitMemory])
	// once the heap passes it. It is a process-wide guard: it measures the whole
	// process, every runtime in it included, and one huge allocation inside a built-in
	// ("x".repeat(2 ** 30)) fails before any check sees it. After such a stop the
	// runtime's globals still hold what the script made: Close it.
	MaxMemory int64
	// StopGrace is how long a run whose context ended (cancelled, Timeout) may go on
	// inside a built-in function that no interrupt reaches before it is abandoned (see
	// [ErrAbandoned]); 0: [DefaultStopGrace].
	StopGrace time.Duration
	// Color makes console output of objects coloured, as on a terminal.
	Color bool
	// Location is the Daktela instance's time zone: a Date a script gives the daktela
	// module (addAttribute, addFilter, ...) is sent as a local date-time there, and the
	// dates module works in it. nil: Europe/Prague (daktela.DefaultTimezone).
	Location *time.Location
	// Now, when set, fixes the script's clock at this instant: Date.now(), new Date()
	// and the dates module (now, today, range) read it, so output that depends on the
	// day is the same on every run. Timers still wait real time. Zero: the real clock.
	Now time.Time
	// Interactive says Stdin is a terminal a person answers at: prompt() and confirm()
	// write their question to Stderr and read a line of Stdin. False: they return at
	// once (confirm false, prompt its default or null), as Deno's do without a terminal.
	Interactive bool
	// AssumeYes makes every confirm() true and every prompt() its default (null without
	// one), without asking: dkscript --yes, for unattended runs.
	AssumeYes bool
	// TransformCache is a directory where the output of the TypeScript and ES module
	// transform (esbuild) is kept between runs, keyed by the file's content and this
	// program's build, as Deno keeps its transpiled files: a script run again skips the
	// transform (about 6 ms of a 21 ms start for a 500-line script and two modules). A file that looks
	// like it holds a credential (MentionsCredential) is never written there. "" keeps
	// nothing; the directory is made (mode 0700) on first use. A directory that is a
	// symbolic link, another user's, or writable by others is not used (its code would
	// be run); an entry that fails its checksum is transformed again; a cache that
	// cannot be read or written only costs the transform.
	TransformCache string
}

// DefaultStopGrace is the grace period of a stopped run when Options.StopGrace is 0.
const DefaultStopGrace = 5 * time.Second

// DefaultMaxCallStackSize is the recursion limit when Options.MaxCallStackSize is 0.
const DefaultMaxCallStackSize = 10000

// Runtime runs scripts. It is not safe for concurrent use: run one script at a time on
// it (a second concurrent run gets [ErrBusy]). Many runtimes may run side by side.
type Runtime struct {
	opts   Options
	vm     *goja.Runtime
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader

	loop      *eventLoop      // the current (or last) run's loop
	runCtx    context.Context // the current run's context
	busy      atomic.Bool
	abandoned atomic.Bool // a run was left inside a built-in: no more runs
	closed    bool

	req      *require.RequireModule
	natives  map[string]*nativeModule
	sources  map[string]string  // script and module sources by name, for carets
	wrapCols map[string]int     // columns a wrapper added to line 1 of a source
	wrapEnd  map[string]int     // the line of the top-level await wrapper's closing call
	srcAlias map[string]string  // names source maps give transformed files, to their own names
	evalMaps map[string]evalMap // source maps of Eval entries esbuild transformed

	rejections  []*goja.Promise // rejected promises with no handler yet
	mainPromise *goja.Promise   // the top-level await wrapper's promise
	syntaxPos   map[*goja.Object]Frame

	console  *consoleState
	process  *goja.Object
	helpers  *inspectHelpers
	evalSeq  int
	scriptNm string // process.argv[1]

	pendingLine chan lineResult // a read of stdin for prompt/confirm still going on
	moduleOrder []string        // the native modules' names, in the order they were added
	inspectSym  *goja.Symbol    // Symbol.for("nodejs.util.inspect.custom"), once looked up

	cleanups []func() error // given by modules through OnClose: flush and close what a script left open
	// runFailed tells whether the last run ended with an uncaught error (a
	// *ScriptError), for the cleanups that treat a crash apart from a clean stop.
	runFailed bool
}

// New returns a runtime configured by opts.
func New(opts Options) (*Runtime, error) {
	if len(opts.Env) > 0 && !opts.Capabilities.Env {
		return nil, errors.New("runtime: Options.Env is set but Capabilities.Env is not granted, so process.env would be empty: grant Env, or leave Env unset")
	}
	r := &Runtime{
		opts:     opts,
		vm:       goja.New(),
		stdout:   opts.Stdout,
		stderr:   opts.Stderr,
		stdin:    opts.Stdin,
		loop:     newEventLoop(),
		sources:  make(map[string]string),
		wrapCols: make(map[string]int),
		wrapEnd:  make(map[string]int),
		srcAlias: make(map[string]string),
		evalMaps: make(map[string]evalMap),
	}
	if r.stdout == nil {
		r.stdout = io.Discard
	}
	if r.stderr == nil {
		r.stderr = io.Discard
	}
	if r.stdin == nil {
		r.stdin = strings.NewReader("")
	}
	n := opts.MaxCallStackSize
	if n <= 0 {
		n = DefaultMaxCallStackSize
	}
	r.vm.SetMaxCallStackSize(n)
	applyMemoryLimit(opts.MaxMemory)
	r.installClock()
	r.vm.SetPromiseRejectionTracker(r.trackRejection)
	r.installJSON()
	r.installJoinGuard()
	r.installTimers()
	r.installConsole()
	r.installProcess()
	r.installPrompts()
	r.installToPrimitive()
	if err := r.installEngineAdditions(); err != nil {
		return nil, err
	}
	if err := r.installModules(); err != nil {
		return nil, err
	}
	return r, nil
}

// RunFile runs the script at path (a "#!" first line is allowed) until it and everything
// it started (timers, promises, async requests) has finished, or ctx is cancelled. The
// file is read from Options.ModuleFS when it is set (path is then slash-separated and
// relative to it), else from the OS.
func (r *Runtime) RunFile(ctx context.Context, path string) error {
	src, name, err := r.readScript(path)
	if err != nil {
		return err
	}
	return r.RunString(ctx, name, src)
}

func (r *Runtime) readScript(p string) (src, name string, err error) {
	if r.opts.ModuleFS != nil {
		name = path.Clean(filepath.ToSlash(p))
		name = strings.TrimPrefix(name, "./")
		b, err := fs.ReadFile(r.opts.ModuleFS, name)
		if err != nil {
			return "", "", err
		}
		return string(b), name, nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return "", "", err
	}
	return string(b), p, nil
}

// RunString runs src as a script named name (used in error positions).
func (r *Runtime) RunString(ctx context.Context, name, src string) error {
	var cleanupErr error
	_, err := r.run(ctx, func() (_ goja.Value, err error) {
		// However the script ended (finished, threw, process.exit, timeout), the files it
		// left open are flushed and closed: its run is over.
		defer r.endRun(&err, &cleanupErr)
		r.setScriptName(name)
		r.installMainModule(name)
		prg, wrapped, err := r.compileScript(name, src)
		if err != nil {
			return nil, err
		}
		v, err := r.vm.RunProgram(prg)
		if err != nil {
			return nil, err
		}
		if wrapped {
			if p, ok := v.Export().(*goja.Promise); ok {
				r.mainPromise = p
			}
		}
		if err := r.checkRejections(); err != nil {
			return nil, err
		}
		if err := r.drive(); err != nil {
			return nil, err
		}
		if err := r.settledMain(); err != nil {
			return nil, err
		}
		return nil, r.exitCodeError()
	})
	if errors.Is(err, ErrAbandoned) {
		return err // the run's goroutine, still going, owns cleanupErr
	}
	return r.reportCleanup(err, cleanupErr)
}

// reportCleanup returns the error of a run whose cleanups (the flush of the files the
// script left open) returned cleanupErr: that error when the run itself succeeded (a
// file the script believes written is not, so the run failed), else the run's error,
// with cleanupErr as a warning on stderr so the file is still named.
func (r *Runtime) reportCleanup(err, cleanupErr error) error {
	if cleanupErr == nil {
		return err
	}
	cleanupErr = &CleanupError{Err: cleanupErr}
	if err == nil {
		return cleanupErr
	}
	r.warnCleanup(cleanupErr)
	return err
}

// warnCleanup writes a cleanup error to stderr as a warning, one line per file.
func (r *Runtime) warnCleanup(err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		_, _ = io.WriteString(r.stderr, "Warning: "+line+"\n")
	}
}

// Eval evaluates src as the REPL and `dkscript eval` do: top-level await is allowed,
// let/const/class declarations stay visible to later Evals, and the value of the last
// expression (awaited if it is a promise) is returned. Positions in errors name the
// entry "REPL<n>", n counting Evals.
//
// An entry that calls process.exit ends with an [*ExitError], also for code 0 (a
// REPL must stop then; RunString returns nil for code 0).
//
// Unlike RunString, the end of an Eval is not the end of the script: a file writer an
// entry opens stays open for later entries (a REPL session may write a file over several
// lines), and [Runtime.Close] flushes and closes what is still open.
func (r *Runtime) Eval(ctx context.Context, src string) (goja.Value, error) {
	return r.EvalNamed(ctx, "", src)
}

// EvalNamed is [Runtime.Eval] with positions in errors and stacks naming name (the
// file a REPL's .load read) instead of "REPL<n>"; an empty name is Eval's.
func (r *Runtime) EvalNamed(ctx context.Context, name, src string) (goja.Value, error) {
	return r.run(ctx, func() (goja.Value, error) {
		entry := name
		if entry == "" {
			r.evalSeq++
			entry = "REPL" + itoa(r.evalSeq)
		}
		v, err := r.protect(func() (goja.Value, error) { return r.evalSource(entry, src) })
		if code, ok := exitRequested(err); ok && code == 0 {
			return nil, &ExitError{Code: 0}
		}
		return v, err
	})
}

// exitRequested reports the code of a process.exit that ended a run with err.
func exitRequested(err error) (code int, ok bool) {
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) {
		return 0, false
	}
	req, ok := ie.Value().(exitRequest)
	return req.code, ok
}

// Do runs fn on the runtime's goroutine with the VM (for completion, printing, ...),
// as a run of its own: ctx interrupts it, and work fn starts (timers, promises) is
// finished before Do returns. It must not be called while another run is going on.
func (r *Runtime) Do(ctx context.Context, fn func(vm *goja.Runtime) error) error {
	_, err := r.run(ctx, func() (goja.Value, error) {
		if err := fn(r.vm); err != nil {
			return nil, err
		}
		return nil, r.drive()
	})
	return err
}

// Inspect formats v as console.log does (Node-like, coloured when Options.Color is set).
// It must be called from inside Do or on a value returned by Eval before the next run.
//
// Inspecting may run the script's code (a getter on an Error's message, a toString): a
// throw or a loop there gives a placeholder ("<a value that could not be described>"),
// never a panic.
func (r *Runtime) Inspect(v goja.Value) (s string) {
	defer r.formatWatch()()
	if !r.guarded(func() { s = r.inspect(v, inspectOptions{depth: 2, colors: r.opts.Color, breakLength: 80}) }) {
		return uninspectableValue
	}
	return s
}

// VM returns the runtime's JavaScript VM, for embedders that add globals before the
// first run. Use it only between runs (or inside [Runtime.Do]), never during a run from
// another goroutine.
func (r *Runtime) VM() *goja.Runtime { return r.vm }

// Close releases the runtime: files and writers scripts left open (fs and csv writers
// a script or REPL session never closed) are flushed and closed, pending timers are
// dropped, and later runs fail with [ErrClosed]. Call it on the goroutine that runs
// scripts, after the last run; a second Close does nothing.
func (r *Runtime) Close() {
	if r.closed {
		return
	}
	r.closed = true
	if r.abandoned.Load() {
		return // an abandoned run's goroutine still owns the VM, the loop and the files
	}
	if r.busy.CompareAndSwap(false, true) {
		// Not during a run: cleanups close streams the running script still uses.
		if err := r.runCleanups(); err != nil {
			r.warnCleanup(&CleanupError{Err: err})
		}
		r.busy.Store(false)
	}
	r.loop.close()
}

// runCleanups calls the functions modules gave OnClose, in the order given, and returns
// their errors joined. They stay registered: a module instance lives as long as the
// runtime, and the streams a later run opens are closed at its end too.
// endRun, deferred by a run's body whose error is *err, notes whether the run failed
// (see host.RunFailed) and runs the cleanups into *cleanupErr, also when the body
// panics (a fault the run reports as a failure).
func (r *Runtime) endRun(err, cleanupErr *error) {
	if p := recover(); p != nil {
		r.runFailed = true
		*cleanupErr = r.runCleanups()
		panic(p)
	}
	r.runFailed = scriptFailed(*err)
	*cleanupErr = r.runCleanups()
}

// scriptFailed reports whether a run's body ended with err because the script failed
// (an uncaught exception or rejection, a syntax error), rather than stopped cleanly:
// it finished, called process.exit, or was interrupted (Ctrl-C, the timeout).
func scriptFailed(err error) bool {
	if err == nil {
		return false
	}
	if findException(err) != nil {
		// Checked first: goja's Exception.Unwrap runs the script's code.
		return true
	}
	var (
		ie *goja.InterruptedError
		ee *ExitError
	)
	return !errors.As(err, &ie) && !errors.As(err, &ee) &&
		!errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}

func (r *Runtime) runCleanups() error {
	var errs []error
	for _, fn := range r.cleanups {
		if err := fn(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// setFunc sets obj[name] to a native function whose JavaScript name is name (goja
// would otherwise name it after the Go function).
func (r *Runtime) setFunc(obj *goja.Object, name string, fn func(goja.FunctionCall) goja.Value) {
	_ = obj.Set(name, r.namedFunc(name, fn))
}

func (r *Runtime) namedFunc(name string, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := r.vm.ToValue(fn).(*goja.Object)
	_ = f.DefineDataProperty("name", r.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return f
}

// Exit codes, as the CLI uses them.
const (
	ExitOK          = 0
	ExitScriptError = 1
	ExitUsage       = 2
	ExitTimeout     = 124
	ExitInterrupted = 130
	ExitMemory      = 137 // as for a process the kernel's out-of-memory killer ends
)
