package main

import (
	"flag"
	"fmt"
	goruntime "runtime"
	"runtime/debug"
	"strings"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); else the module
// version from the build information is used.
var version = ""

var versionCommand = &command{
	name:    "version",
	summary: "print version information",
	usage:   "version",
	help: `Prints the dkscript version (with the source revision when known), the Go version it
was built with, and the goja JavaScript engine version.

Examples:
  dkscript version
  dkscript --version
`,
	newFlags: func() (*flag.FlagSet, any) { return newFlagSet("version"), nil },
	run: func(st *state, self *command, args []string) error {
		fs := newFlagSet("version")
		if err := parseFlags(fs, "version", args); err != nil {
			if helpRequested(err) {
				return printCommandHelp(st.Stdout, self)
			}
			return err
		}
		if fs.NArg() > 0 {
			return usagef("version", "version: unexpected argument %q", fs.Arg(0))
		}
		_, err := fmt.Fprint(st.Stdout, versionText())
		return err
	},
}

// versionText describes the build: dkscript, Go and goja versions.
func versionText() string {
	dk, goja := version, "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if dk == "" {
			dk = bi.Main.Version
		}
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
	if dk == "" {
		dk = "(devel)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "dkscript %s\n", dk)
	fmt.Fprintf(&b, "go       %s %s/%s\n", goruntime.Version(), goruntime.GOOS, goruntime.GOARCH)
	fmt.Fprintf(&b, "goja     %s\n", goja)
	return b.String()
}
