package main

import (
	"context"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dkscript/dkscript/runtime/repl"
	"github.com/spf13/cobra"
)

// newReplCommand is dkscript repl: the interactive shell.
func newReplCommand(st *state) *cobra.Command {
	f := newRunFlagValues()
	c := &cobra.Command{
		Use:   "repl [flags]",
		Short: "start the interactive shell",
		Long: `Starts the interactive JavaScript shell, with the same daktela module, helpers and
connection as run. Plain "dkscript" starts it too when standard input is a terminal.
Top-level await works; results print as console.log prints them, responses as tables.
Ctrl-C interrupts running code or clears the line; Ctrl-D, .exit or Ctrl-C twice on an
empty line leaves; .help lists the dot commands. With piped input it evaluates line by
line, and exits 1 at the end when an entry failed. History is kept in $XDG_STATE_HOME/dkscript/repl_history (mode 0600); set
DKSCRIPT_HISTORY to another file, or to "-" to keep none.
`,
		Example: `  dkscript repl --mock
  dkscript --profile test
  echo '1 + 1' | dkscript repl
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		Annotations:       map[string]string{annotationConnectionHelp: "true"},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("repl", "repl: unexpected argument %q (to run a script: dkscript run %s)", args[0], args[0])
			}
			return startREPL(st, f)
		},
	}
	addGoFlags(c.Flags(), f.register)
	completeRunFlags(c, st)
	return c
}

// startREPL runs the interactive shell on a runtime configured as for run. The REPL
// handles Ctrl-C itself (it interrupts the entry under way, not the session).
func startREPL(st *state, f *runFlags) error {
	if err := f.validate("repl"); err != nil {
		return err
	}
	env, err := scriptEnv(st, f)
	if err != nil {
		return err
	}
	sess, err := openSession(st, f, env)
	if err != nil {
		return err
	}
	defer sess.close()
	rt, err := runtime.New(runtimeOptions(st, f, env, sess, nil, false))
	if err != nil {
		return err
	}
	defer rt.Close()

	ctx := context.Background()
	if f.timeout.set {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, f.timeout.d, &timeoutError{after: f.timeout.d})
		defer cancel()
	}
	sigs := make(chan os.Signal, 1)
	st.SignalNotify(sigs, os.Interrupt)
	defer st.SignalStop(sigs)

	cfg := repl.Config{
		Stdin:       st.Stdin,
		Stdout:      st.Stdout,
		Stderr:      st.Stderr,
		HistoryPath: env["DKSCRIPT_HISTORY"],
		Color:       useColor(st, f, env),
		Banner:      replBanner(sess),
		Models:      sess.models,
		Interrupt:   sigs,
	}
	if sess.conn != nil {
		cfg.Secrets = []string{sess.conn.Token}
	}
	return runOutcome(ctx, repl.Run(ctx, rt, cfg))
}

// replBanner greets a terminal session: version, and where daktela.client() goes.
func replBanner(sess *session) string {
	where := "no connection (daktela.client() throws; see dkscript repl --help)"
	if sess.conn != nil {
		where = fmt.Sprintf("daktela.client() talks to %s (from %s)", sess.conn.URL, sess.conn.URLFrom)
	}
	return fmt.Sprintf("dkscript %s: %s\nType .help for help, Ctrl-D to leave.\n", dkscriptVersion(), where)
}
