package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
	"github.com/spf13/cobra"
)

// newRunCommand is dkscript run: flags, the script, then the script's own arguments.
func newRunCommand(st *state) *cobra.Command {
	f := newRunFlagValues()
	c := &cobra.Command{
		Use:   "run [flags] script.js [args...]",
		Short: "run a script",
		Long: `Runs a JavaScript file until it and everything it started (timers, promises, requests)
has finished. The script gets the daktela module (global daktela, or require("daktela")),
whose daktela.client() is the client configured below, the helper modules (fs, csv, path,
dates), process.env (the environment without DAKTELA_TOKEN, plus --env-file and -e) and
process.argv (the arguments after the script). "-" reads the script from standard input.
DAKTELA_TOKEN is withheld from scripts, so that the token stays out of their reach:
daktela.client() is the connection dkscript configures with it.

Flags go before the script: everything after it belongs to the script. "dkscript
script.js" works too, so a script starting with "#!/usr/bin/env dkscript" runs when it is
executable.

--dry-run prints every create, update and delete on stderr, as
  DRY-RUN POST /api/v6/campaignsRecords.json {"number":"+420..."}
and does not send it: a create answers 201 with a made-up name (dryrun_<model>_<n>), an
update 200 with the attributes over a read of the record, a delete 204, all marked as dry
run. Reads run normally and do not show the held-back writes. The run ends with how many
creates, updates and deletes a real run would send, per model.
--mock starts the embedded fake Daktela; --seed, --records, --now, --latency, --jitter,
--faults and --live shape it as dkscript mock's flags of the same names do, and --now
"2026-01-15 12:00:00" also fixes the script's clock (Date.now(), new Date(), dates).
--timezone names the instance's time zone (default Europe/Prague): Dates sent to the API,
the dates module and a Date's local time use it, and the server is told it.
--verbose prints one line per HTTP request on stderr (method, path, status, duration,
attempt, bytes), with the token redacted. A progress bar shows multi-page reads when
stderr is a terminal (not with --quiet, --verbose, or in CI).
`,
		Example: `  dkscript run --mock scripts/users-report.js
  dkscript run --mock --now "2026-01-15 12:00:00" --records campaignsRecords=5000 report.js
  dkscript run --profile prod --dry-run import.js records.csv
  DAKTELA_URL=https://acme.daktela.com DAKTELA_TOKEN=... dkscript run export.js > out.csv
  dkscript run --timeout 10m --rate 5 --verbose --log-format json sync.js 2> requests.log
  dkscript run -e CAMPAIGN=spring --env-file .env campaign.js
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeScriptArgs,
		Annotations:       map[string]string{annotationConnectionHelp: "true"},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("run", "run: missing the script to run")
			}
			return runScript(st, f, "run", args[0], args[1:])
		},
	}
	// Everything after the script path belongs to the script, flags included.
	c.Flags().SetInterspersed(false)
	addGoFlags(c.Flags(), f.register)
	completeRunFlags(c, st)
	return c
}

// runScript runs the script at path ("-": standard input) with args as process.argv.
func runScript(st *state, f *runFlags, cmd, path string, args []string) error {
	if path == "-" {
		src, err := io.ReadAll(st.Stdin)
		if err != nil {
			return fmt.Errorf("reading the script from standard input: %w", err)
		}
		return runJS(st, f, cmd, args, false, func(ctx context.Context, rt *runtime.Runtime) error {
			return rt.RunString(ctx, "<stdin>", string(src))
		})
	}
	if err := f.validate(cmd); err != nil {
		return err
	}
	full := absPath(st, path)
	info, err := os.Stat(full)
	if err != nil {
		return usagef(cmd, "%s: cannot read the script %s: %v", cmd, path, errors.Unwrap(err))
	}
	if info.IsDir() {
		return usagef(cmd, "%s: %s is a directory, not a script", cmd, path)
	}
	// Error positions show the path as typed when it is relative to the process's
	// working directory.
	runPath := full
	if wd, err := os.Getwd(); err == nil && wd == st.Dir {
		runPath = path
	}
	return runJS(st, f, cmd, args, true, func(ctx context.Context, rt *runtime.Runtime) error {
		return rt.RunFile(ctx, runPath)
	})
}

// newEvalCommand is dkscript eval: flags, the code, then process.argv.
func newEvalCommand(st *state) *cobra.Command {
	f := newRunFlagValues()
	c := &cobra.Command{
		Use:   "eval [flags] 'code' [args...]",
		Short: "evaluate JavaScript and print the value",
		Long: `Evaluates code as the REPL does (top-level await allowed) and prints the value of the
last expression on stdout as node -p does: a string as it is (so
dkscript eval 'JSON.stringify(x)' > out.json writes JSON), any other value as
console.log formats it (undefined is not printed). Arguments after the code are
process.argv.
`,
		Example: `  dkscript eval '1 + 2'
  dkscript eval --mock 'daktela.client().execute(daktela.buildReadRequest("Users")).total'
  dkscript eval --mock 'await daktela.client().executeAsync(daktela.buildReadRequest("Queues").setFields(["name"]))'
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeEvalArgs,
		Annotations:       map[string]string{annotationConnectionHelp: "true"},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("eval", "eval: missing the code to evaluate")
			}
			src := args[0]
			return runJS(st, f, "eval", args[1:], true, func(ctx context.Context, rt *runtime.Runtime) error {
				v, err := rt.Eval(ctx, src)
				if err != nil {
					return err
				}
				switch {
				case v == nil || goja.IsUndefined(v):
				case goja.IsString(v):
					// As node -p: a string prints as it is, not quoted or escaped.
					fmt.Fprintln(st.Stdout, v.String())
				default:
					fmt.Fprintln(st.Stdout, rt.Inspect(v))
				}
				return nil
			})
		},
	}
	c.Flags().SetInterspersed(false)
	addGoFlags(c.Flags(), f.register)
	completeRunFlags(c, st)
	return c
}

// runJS builds the script environment, the session and a runtime, and calls body with a
// run context that the first Ctrl-C or --timeout cancels. withStdin hands the process's
// standard input to the script.
func runJS(st *state, f *runFlags, cmd string, args []string, withStdin bool, body func(context.Context, *runtime.Runtime) error) error {
	if err := f.validate(cmd); err != nil {
		return err
	}
	env, err := scriptEnv(st, f)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stopSignals := watchSignals(st, cancel)
	defer stopSignals()
	if f.timeout.set {
		var cancelTimeout context.CancelFunc
		ctx, cancelTimeout = context.WithTimeoutCause(ctx, f.timeout.d, &timeoutError{after: f.timeout.d})
		defer cancelTimeout()
	}

	sess, err := openSession(st, f, env)
	if err != nil {
		return err
	}
	defer sess.close()

	opts := runtimeOptions(st, f, env, sess, args, withStdin)
	opts.NoClientHelp = noConnectionHelp(cmd, args)
	rt, err := runtime.New(opts)
	if err != nil {
		return err
	}
	defer rt.Close()
	return runOutcome(ctx, body(ctx, rt))
}

// runtimeOptions are the runtime options of a CLI run: everything granted.
func runtimeOptions(st *state, f *runFlags, env map[string]string, sess *session, args []string, withStdin bool) runtime.Options {
	opts := runtime.Options{
		Client:          sess.client,
		ConfigureClient: sess.configure,
		Stdout:          st.Stdout,
		Stderr:          st.Stderr,
		Args:            args,
		Env:             withoutToken(env),
		Modules:         helperModules(st),
		Dir:             st.Dir,
		Capabilities: runtime.Capabilities{
			FileAccess: true,
			Env:        true,
			NewClients: true,
		},
		Color:        useColor(st, f, env),
		Location:     sess.zone.loc,
		Now:          sess.now,
		NoClientHelp: noConnectionHelp("repl", nil),
	}
	if withStdin {
		opts.Stdin = st.Stdin
		// prompt() and confirm() ask only a person at a terminal.
		opts.Interactive = st.StdinTTY
	}
	opts.AssumeYes = f.yes
	if st.CacheDir != "" {
		opts.TransformCache = filepath.Join(st.CacheDir, "dkscript", "transform")
	}
	if f.maxMemory.set {
		opts.MaxMemory = f.maxMemory.n
	}
	netOptions(st, f, sess, &opts)
	return opts
}

// withoutToken returns env without DAKTELA_TOKEN: scripts reach Daktela through
// daktela.client() and never need the token itself, so a script (a copied one, say)
// cannot read it and send it elsewhere.
func withoutToken(env map[string]string) map[string]string {
	if _, ok := env["DAKTELA_TOKEN"]; !ok {
		return env
	}
	out := make(map[string]string, len(env))
	for k, v := range env {
		if k != "DAKTELA_TOKEN" {
			out[k] = v
		}
	}
	return out
}

// useColor reports whether output may be coloured: stdout is a terminal, and neither
// --no-color nor NO_COLOR says otherwise.
func useColor(st *state, f *runFlags, env map[string]string) bool {
	if f.noColor || env["NO_COLOR"] != "" || env["TERM"] == "dumb" {
		return false
	}
	return st.StdoutTTY
}

// runOutcome turns the error of a run whose context was cancelled into what cancelled
// it: errInterrupted or the --timeout error (which keeps the runtime's error, with its
// script position).
func runOutcome(ctx context.Context, err error) error {
	cause := context.Cause(ctx)
	if errors.Is(cause, errInterrupted) {
		return &interruptedError{err: err}
	}
	var te *timeoutError
	if errors.As(cause, &te) {
		return &timeoutError{after: te.after, err: err}
	}
	return err
}
