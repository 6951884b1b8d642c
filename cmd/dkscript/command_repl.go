package main

import (
	"errors"
	"flag"
)

var replCommand = &command{
	name:    "repl",
	summary: "start the interactive shell",
	usage:   "repl [flags]",
	help: `Starts the interactive JavaScript shell, with the same daktela module, helpers and
connection as run. Plain "dkscript" starts it too when standard input is a terminal.
Ctrl-C interrupts running code or clears the line; Ctrl-D or .exit leaves.

Examples:
  dkscript repl --mock
  dkscript --profile test
`,
	newFlags: func() (*flag.FlagSet, any) { return newRunFlags("repl") },
	run: func(st *state, self *command, args []string) error {
		fs, v := newRunFlags("repl")
		f := v.(*runFlags)
		if err := parseFlags(fs, "repl", args); err != nil {
			if helpRequested(err) {
				return printCommandHelp(st.Stdout, self)
			}
			return err
		}
		if fs.NArg() > 0 {
			return usagef("repl", "repl: unexpected argument %q (to run a script: dkscript run %s)", fs.Arg(0), fs.Arg(0))
		}
		return startREPL(st, f)
	},
}

// startREPL runs the interactive shell.
func startREPL(st *state, f *runFlags) error {
	if err := f.validate("repl"); err != nil {
		return err
	}
	return errors.New("dkscript repl: the REPL is not available in this build yet")
}
