package main

import (
	"context"
	"errors"
	"flag"
	"io"

	"github.com/spf13/cobra"
)

// writeTypes writes daktela.d.ts and jsconfig.json into dir and reports what it wrote
// on out. It is nil until the declaration generator is part of the build.
var writeTypes func(ctx context.Context, dir string, out io.Writer) error

// newTypesCommand is dkscript types: the declarations for editors.
func newTypesCommand(st *state) *cobra.Command {
	var dir string
	c := &cobra.Command{
		Use:   "types [--out DIR]",
		Short: "write TypeScript declarations for editor completion",
		Long: `Writes daktela.d.ts and jsconfig.json, so editors (VS Code and others) complete the
daktela module's names, show its docs on hover, and check calls in your scripts (every
.js file in DIR and below; add // @ts-check to a file elsewhere). daktela.d.ts declares the
daktela module, the helper modules fs, csv, path, dates and util, and the globals. An
existing jsconfig.json is kept. Type-check from the command line with
  npx -p typescript@5 tsc -p DIR/jsconfig.json
`,
		Example: `  dkscript types
  dkscript types --out scripts
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("types", "types: unexpected argument %q", args[0])
			}
			if writeTypes == nil {
				return errors.New("dkscript types: not available yet: this build has no declaration generator")
			}
			return writeTypes(context.Background(), absPath(st, dir), st.Stdout)
		},
	}
	addGoFlags(c.Flags(), func(fs *flag.FlagSet) {
		fs.StringVar(&dir, "out", ".", "write the files into `DIR` (made when missing)")
		fs.StringVar(&dir, "dir", ".", "short for --out") // the first spelling; hidden from help
	})
	c.MarkFlagDirname("out")
	c.MarkFlagDirname("dir")
	return c
}
