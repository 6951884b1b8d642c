package main

import (
	"fmt"
	goruntime "runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); else the module
// version from the build information is used.
var version = ""

// newVersionCommand is dkscript version (also dkscript --version).
func newVersionCommand(st *state) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print version information",
		Long: `Prints the dkscript version (with the source revision when known), the Go version it
was built with, and the goja JavaScript engine version.
`,
		Example: `  dkscript version
  dkscript --version
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("version", "version: unexpected argument %q", args[0])
			}
			return printVersion(st)
		},
	}
}

// printVersion prints versionText on stdout.
func printVersion(st *state) error {
	_, err := fmt.Fprint(st.Stdout, versionText())
	return err
}

// dkscriptVersion returns the version: the link-time one, else the module's, else
// "(devel)".
func dkscriptVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// versionText describes the build: dkscript (with the source revision), Go and goja
// versions.
func versionText() string {
	dk, goja := dkscriptVersion(), "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = ", modified"
				}
			}
		}
		if rev != "" {
			dk += fmt.Sprintf(" (%s%s)", rev[:min(12, len(rev))], modified)
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/dop251/goja" {
				goja = d.Version
				if d.Replace != nil {
					goja = d.Replace.Version + " (replaced by " + d.Replace.Path + ")"
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "dkscript %s\n", dk)
	fmt.Fprintf(&b, "go       %s %s/%s\n", goruntime.Version(), goruntime.GOOS, goruntime.GOARCH)
	fmt.Fprintf(&b, "goja     %s\n", goja)
	return b.String()
}
