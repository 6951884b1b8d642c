package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// commandConstructors build dkscript's subcommands, in the order the completion scripts
// offer them. A new command is a command_NAME.go file with a constructor
// func(st *state) *cobra.Command added here; its flags are registered on a
// *flag.FlagSet by a register method and added with addGoFlags, as run's and mock's are.
var commandConstructors = []func(st *state) *cobra.Command{
	newRunCommand,
	newEvalCommand,
	newReplCommand,
	newServeCommand,
	newMockCommand,
	newTypesCommand,
	newVersionCommand,
	newCompletionCommand,
}

// runMain runs dkscript with st and returns the process exit code.
func runMain(st *state) int {
	root := newRootCommand(st)
	root.SetArgs(normaliseArgs(root, st.Args))
	return finish(st, root.Execute())
}

// newRootCommand builds the command tree. Plain "dkscript" is a command of its own:
//
//	dkscript                     REPL on a terminal, else the script on stdin
//	dkscript COMMAND ...         that command
//	dkscript script.js ...       run (a .js/.mjs/.cjs name or an existing file; the shebang form)
//	dkscript --flags [script.js] run flags, then as above
func newRootCommand(st *state) *cobra.Command {
	f := newRunFlagValues()
	var showVersion bool
	root := &cobra.Command{
		Use:               "dkscript",
		Short:             "run JavaScript automation scripts against a Daktela V6 contact centre",
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeRootArgs,
		SilenceErrors:     true,
		SilenceUsage:      true,
		RunE: func(c *cobra.Command, args []string) error {
			if showVersion {
				return printVersion(st)
			}
			if len(args) == 0 {
				if st.StdinTTY {
					return startREPL(st, f)
				}
				return runScript(st, f, "run", "-", nil)
			}
			// A bare word that is neither a command nor a script is a mistyped command.
			if c.Flags().NFlag() == 0 && !strings.HasPrefix(firstArg(st.Args), "-") && !looksLikeScript(st, args[0]) {
				return unknownCommand(c, args[0])
			}
			return runScript(st, f, "run", args[0], args[1:])
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetIn(st.Stdin)
	root.SetOut(st.Stdout)
	root.SetErr(st.Stderr)
	root.SetFlagErrorFunc(flagError)
	root.SuggestionsMinimumDistance = 2
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { printHelp(c) })

	root.Flags().SetInterspersed(false)
	addGoFlags(root.Flags(), f.register)
	root.Flags().BoolVar(&showVersion, "version", false, "print version information")
	completeRunFlags(root, st)
	root.Annotations = map[string]string{annotationConnectionHelp: "true"}

	for _, newCmd := range commandConstructors {
		root.AddCommand(newCmd(st))
	}
	root.SetHelpCommand(newHelpCommand(st))
	return root
}

// firstArg returns args[0], or "".
func firstArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// unknownCommand is the usage error for a first word that names no command and no
// script, with the commands it may have meant.
func unknownCommand(root *cobra.Command, word string) error {
	msg := "unknown command %q (and no script file of that name)"
	if s := root.SuggestionsFor(word); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return usagef("", msg, word)
}

// looksLikeScript reports whether arg names a script: a JavaScript file name or a file
// that exists (an executable script with a "#!/usr/bin/env dkscript" line).
func looksLikeScript(st *state, arg string) bool {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".js", ".mjs", ".cjs", ".ts", ".mts":
		return true
	}
	info, err := os.Stat(absPath(st, arg))
	return err == nil && !info.IsDir()
}
