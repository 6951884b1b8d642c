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
	dir := fs.String("out", ".", "write the files into `DIR` (made when missing)")
	fs.StringVar(dir, "dir", ".", "short for --out") // the first spelling; hidden from help
	return fs, dir
}

var typesCommand = &command{
	name:    "types",
	summary: "write TypeScript declarations for editor completion",
	usage:   "types [--out DIR]",
	help: `Writes daktela.d.ts and jsconfig.json, so editors (VS Code and others) complete the
daktela module's names, show its docs on hover, and check calls in your scripts (every
.js file in DIR and below; add // @ts-check to a file elsewhere). daktela.d.ts declares the
daktela module, the helper modules fs, csv, path, dates and util, and the globals. An
existing jsconfig.json is kept. Type-check from the command line with
  npx -p typescript@5 tsc -p DIR/jsconfig.json

Examples:
  dkscript types
  dkscript types --out scripts
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
