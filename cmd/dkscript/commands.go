package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
)

// command is one dkscript subcommand.
type command struct {
	name     string
	summary  string // one line for the command list
	usage    string // the synopsis after "dkscript "
	help     string // what it does, then examples
	hidden   bool
	newFlags func() (*flag.FlagSet, any) // the command's flags (for help and completion)
	run      func(st *state, self *command, args []string) error
}

// commandTable is filled by init: the commands refer to the table themselves (help,
// completion), which a package-level initialiser cannot.
var commandTable []*command

func init() {
	commandTable = []*command{runCommand, evalCommand, replCommand, serveCommand, mockCommand, typesCommand, versionCommand, completionCommand, helpCommand}
}

// commands returns the command table in the order help lists it.
func commands() []*command {
	return commandTable
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// runMain runs dkscript with st and returns the process exit code.
func runMain(st *state) int {
	return finish(st, dispatch(st, st.Args))
}

// dispatch picks what to do from the first argument:
//
//	dkscript                     REPL on a terminal, else the script on stdin
//	dkscript COMMAND ...         that command
//	dkscript script.js ...       run (a .js/.mjs/.cjs name or an existing file; the shebang form)
//	dkscript --flags [script.js] run flags, then as above
func dispatch(st *state, args []string) error {
	if len(args) == 0 {
		return runDefault(st, nil)
	}
	first := args[0]
	switch first {
	case "-h", "-help", "--help":
		return printTopHelp(st.Stdout)
	case "-version", "--version":
		return versionCommand.run(st, versionCommand, nil)
	}
	if c := findCommand(first); c != nil {
		return c.run(st, c, args[1:])
	}
	if strings.HasPrefix(first, "-") || looksLikeScript(st, first) {
		return runDefault(st, args)
	}
	return usagef("", "unknown command %q (and no script file of that name)", first)
}

// looksLikeScript reports whether arg names a script: a JavaScript file name or a file
// that exists (an executable script with a "#!/usr/bin/env dkscript" line).
func looksLikeScript(st *state, arg string) bool {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".js", ".mjs", ".cjs":
		return true
	}
	info, err := os.Stat(absPath(st, arg))
	return err == nil && !info.IsDir()
}

// helpRequested reports whether err is the flag package's -h/--help.
func helpRequested(err error) bool { return errors.Is(err, flag.ErrHelp) }
