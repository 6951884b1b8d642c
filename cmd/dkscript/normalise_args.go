package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// normaliseArgs rewrites the single-dash long flags that dkscript has always accepted
// (the standard flag package's "-mock", "-url=x") to the double dash pflag expects, in
// the flags before the first argument that is not a flag: what follows a script path
// belongs to the script and is left as typed. A single dash before several letters
// stays a group of one-letter flags ("-vq") only when it names no long flag and its
// first letter is a one-letter flag; anything else gets the second dash, so an unknown
// "-token" is reported as --token.
func normaliseArgs(root *cobra.Command, args []string) []string {
	if len(args) == 0 || strings.HasPrefix(args[0], cobra.ShellCompRequestCmd) {
		return args
	}
	cmd, start := root, 0
	if !strings.HasPrefix(args[0], "-") {
		sub := findSubcommand(root, args[0])
		if sub == nil {
			return args
		}
		cmd, start = sub, 1
	}
	if cmd.DisableFlagParsing {
		return args
	}
	cmd.InitDefaultHelpFlag()
	fs := cmd.Flags()
	out := slices.Clone(args)
	for i := start; i < len(out); i++ {
		a := out[i]
		if a == "--" || a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		long := strings.HasPrefix(a, "--")
		name, _, withValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !long && len(name) > 1 && (fs.Lookup(name) != nil || fs.ShorthandLookup(name[:1]) == nil) {
			out[i], long = "-"+a, true
		}
		var f *pflag.Flag
		switch {
		case long:
			f = fs.Lookup(name)
		case len(name) == 1:
			f = fs.ShorthandLookup(name)
		}
		if f != nil && f.NoOptDefVal == "" && !withValue {
			i++ // the flag's value, whatever it looks like
		}
	}
	return out
}

// findSubcommand returns root's subcommand called name, or nil.
func findSubcommand(root *cobra.Command, name string) *cobra.Command {
	for _, c := range root.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}
