// Package repl is dkscript's interactive shell: a read-eval-print loop over a
// [runtime.Runtime], for people who explore a Daktela instance by hand, and for
// embedders who want to offer the same shell on their own runtime.
//
// [Run] is the whole of it. On a terminal it edits lines with peterh/liner (history,
// Ctrl-R search, Tab completion along property chains, model names inside
// buildReadRequest("...")), continues unfinished entries with a "..." prompt (decided
// by parsing), evaluates with top-level await, and prints results as Node does
// (coloured when Config.Color is set). A daktela Response is printed as a summary:
// status, total and a table of the first records. Ctrl-C stops running code and
// clears the line at the prompt; Ctrl-C twice on an empty line, Ctrl-D or .exit ends
// the session. With piped input it evaluates line by line, without prompts or colour.
//
// The Response marker: a value is shown as a Response summary when it is an object
// with a getHttpStatus method and a data property ([IsResponse]); the daktela module's
// Response objects carry both.
//
// Dot commands: .break, .editor, .exit, .help, .load FILE, .save FILE. The globals _
// and _error hold the last result and the last error.
package repl

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"

	"github.com/dkscript/dkscript/runtime"
)

// NoHistory as Config.HistoryPath keeps no history file.
const NoHistory = "-"

// Config configures a REPL session. The zero value reads the process's standard
// input, writes to its standard output and error, keeps history in
// [DefaultHistoryPath] and prints without colour.
type Config struct {
	// Stdin, Stdout and Stderr are the session's input and output (nil: the
	// process's). Line editing needs Stdin and Stdout to be the process's own terminal
	// (liner works on file descriptors 0 and 1); any other input is read line by line
	// without prompts or colour.
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// HistoryPath is the history file ("": DefaultHistoryPath; NoHistory: none). It
	// is used on a terminal only; it is made with mode 0600.
	HistoryPath string
	// Color prints results and summaries in colour (on a terminal only). Give the
	// runtime the same setting (runtime.Options.Color), which colours inspect output.
	Color bool
	// Prompt is the prompt ("": "> "). It cannot hold control characters (liner
	// refuses them), so it cannot be coloured.
	Prompt string
	// Banner is printed once before the first prompt, on a terminal only.
	Banner string
	// Models are model names offered inside buildReadRequest("<Tab>, besides
	// [APIModels] (for example the fake server's models). Either spelling works:
	// "campaignsRecords" and "CampaignsRecords" are both offered as the latter.
	Models []string
	// Secrets are strings (the access token) that must never be written anywhere: a
	// line holding one is kept out of the history file and out of .save, and the
	// REPL's own output shows "***" in its place.
	Secrets []string
	// Interrupt delivers Ctrl-C (nil: Run subscribes to os.Interrupt for the session).
	// While code runs, a value on it interrupts that code; while piped input is
	// awaited it ends the session.
	Interrupt <-chan os.Signal
}

// Run runs a REPL session on rt until the user leaves it (.exit, Ctrl-D, Ctrl-C twice
// in a row at the prompt, or the end of piped input), which returns nil, or ctx is
// cancelled, which returns ctx's error. A script calling process.exit(n) with n other
// than 0 ends the session with its [*runtime.ExitError]; Ctrl-C while piped input is
// awaited ends it with a [*runtime.InterruptError]. Errors of the entries themselves
// are printed, and the session goes on; when piped input ends after one or more of
// them, Run returns an [*EntriesFailedError] (exit code 1).
//
// rt must not be used by anything else while Run runs. The caller keeps rt and closes
// it afterwards. On a terminal Run installs its own SIGINT handling (unless
// Config.Interrupt is given): do not cancel ctx on SIGINT around it.
func Run(ctx context.Context, rt *runtime.Runtime, cfg Config) error {
	if rt == nil {
		return errors.New("repl: no runtime")
	}
	if cfg.Stdin == nil {
		cfg.Stdin = os.Stdin
	}
	if cfg.Stdout == nil {
		cfg.Stdout = os.Stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	var hist *history
	var lines []string
	var p prompter
	if terminalUsable(cfg.Stdin, cfg.Stdout) {
		if cfg.HistoryPath != NoHistory {
			path := cfg.HistoryPath
			if path == "" {
				var err error
				if path, err = DefaultHistoryPath(); err != nil {
					path = ""
				}
			}
			if path != "" {
				h, l, err := openHistory(path, cfg.Secrets)
				if err != nil {
					// A session without history beats no session.
					writeString(cfg.Stderr, "repl: "+err.Error()+" (history is not kept)\n")
				} else {
					hist, lines = h, l
					defer hist.close()
				}
			}
		}
		lp, err := newLinerPrompter(lines)
		if err != nil {
			return err
		}
		p = lp
	} else {
		p = newLinePrompter(cfg.Stdin)
	}
	defer p.Close()
	if cfg.Interrupt == nil {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt)
		defer signal.Stop(ch)
		cfg.Interrupt = ch
	}
	return newSession(rt, cfg, p, hist).run(ctx)
}

func writeString(w io.Writer, s string) { _, _ = io.WriteString(w, s) }
