package main

import (
	"context"
	"errors"
	"flag"
	"io"
)

// writeTypes writes daktela.d.ts and jsconfig.json into dir and reports what it wrote
// on out. It is nil until the declaration generator is part of the build.
var writeTypes func(ctx context.Context, dir string, out io.Writer) error

func newTypesFlags() (*flag.FlagSet, any) {
	fs := newFlagSet("types")
	dir := fs.String("dir", ".", "write the files into `DIR`")
	return fs, dir
}

var typesCommand = &command{
	name:    "types",
	summary: "write TypeScript declarations for editor completion",
	usage:   "types [--dir DIR]",
	help: `Writes daktela.d.ts and jsconfig.json, so editors (VS Code and others) complete the
daktela module's names and check calls in your scripts.

Examples:
  dkscript types
  dkscript types --dir scripts
`,
	newFlags: newTypesFlags,
	run: func(st *state, self *command, args []string) error {
		fs, v := newTypesFlags()
		dir := v.(*string)
		if err := parseFlags(fs, "types", args); err != nil {
			if helpRequested(err) {
				return printCommandHelp(st.Stdout, self)
			}
			return err
		}
		if fs.NArg() > 0 {
			return usagef("types", "types: unexpected argument %q", fs.Arg(0))
		}
		if writeTypes == nil {
			return errors.New("dkscript types: not available yet: this build has no declaration generator")
		}
		return writeTypes(context.Background(), absPath(st, *dir), st.Stdout)
	},
}
