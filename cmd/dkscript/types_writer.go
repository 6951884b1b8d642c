package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/dkscript/dkscript/bindings/jstypes"
)

func init() { writeTypes = writeTypeFiles }

// writeTypeFiles is the types command's work: the declarations and a jsconfig.json into
// dir, and a line per file on out.
func writeTypeFiles(_ context.Context, dir string, out io.Writer) error {
	written, kept, err := jstypes.WriteFiles(dir)
	if err != nil {
		return fmt.Errorf("dkscript types: %w", err)
	}
	for _, p := range written {
		fmt.Fprintf(out, "wrote %s\n", p)
	}
	if kept != "" {
		fmt.Fprintf(out, "kept %s (it was there already; delete it to get dkscript's)\n", kept)
	}
	fmt.Fprintf(out, "Open %s in your editor: .js files there get completion and type checks.\n", filepath.Clean(dir))
	return nil
}
