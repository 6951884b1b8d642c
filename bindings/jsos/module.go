// Package jsos is the os JavaScript module, the part of Node's os a script uses to
// name files and lines: EOL, hostname(), tmpdir(), homedir(), platform(), type() and
// arch(), with Node's values ("linux", "Linux", "x64"; "win32", "Windows_NT" on
// Windows). It needs no capability: it reads no file and opens no connection.
package jsos

import (
	"os"
	goruntime "runtime"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// New returns the os module.
func New() bindings.Module { return module{} }

type module struct{}

// Name returns "os".
func (module) Name() string { return "os" }

// Instantiate builds the module's exports for one runtime.
func (module) Instantiate(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	o := vm.NewObject()
	str := func(name string, f func() string) {
		_ = o.Set(name, func(goja.FunctionCall) goja.Value { return vm.ToValue(f()) })
	}
	_ = o.Set("EOL", eol(goruntime.GOOS))
	str("hostname", func() string {
		name, err := os.Hostname()
		if err != nil {
			return "localhost"
		}
		return name
	})
	str("tmpdir", tmpdir)
	str("homedir", func() string {
		dir, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		return dir
	})
	str("platform", func() string { return platform(goruntime.GOOS) })
	str("type", func() string { return osType(goruntime.GOOS) })
	str("arch", func() string { return arch(goruntime.GOARCH) })
	return o, nil
}

// eol is the line end of goos.
func eol(goos string) string {
	if goos == "windows" {
		return "\r\n"
	}
	return "\n"
}

// tmpdir is os.TempDir without a trailing separator, as Node gives it.
func tmpdir() string {
	d := os.TempDir()
	if len(d) > 1 {
		d = strings.TrimRight(d, `/\`)
	}
	return d
}

// platform is Node's process.platform for goos.
func platform(goos string) string {
	if goos == "windows" {
		return "win32"
	}
	return goos
}

// osType is Node's os.type() for goos.
func osType(goos string) string {
	switch goos {
	case "windows":
		return "Windows_NT"
	case "darwin":
		return "Darwin"
	case "freebsd":
		return "FreeBSD"
	case "openbsd":
		return "OpenBSD"
	case "netbsd":
		return "NetBSD"
	}
	if goos == "" {
		return ""
	}
	return strings.ToUpper(goos[:1]) + goos[1:]
}

// arch is Node's os.arch() for goarch.
func arch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return goarch
}
