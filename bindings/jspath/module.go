// Package jspath is the path JavaScript module: Node's path functions (join, resolve,
// dirname, basename, extname, relative, normalize, isAbsolute, parse, format, sep,
// delimiter) for the operating system's paths.
//
// resolve and relative resolve relative paths against [Options.BaseDir] (the CLI passes
// the working directory), the same directory the fs and csv modules use, so
// path.resolve("out.csv") names the file fs.writeFileSync("out.csv", …) writes.
//
// The functions behave as Node's do on the same system, including what Go's
// path/filepath does differently: normalize and join keep a trailing separator,
// dirname("/a/b/") is "/a", extname(".bashrc") is "" and basename strips trailing
// separators. Every argument must be a string, else a TypeError names it.
package jspath

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// Options configure the path module.
type Options struct {
	// BaseDir is the directory resolve and relative start from. Empty means the
	// process's working directory when the module is instantiated.
	BaseDir string
}

// New returns the path module.
func New(opts Options) bindings.Module { return &module{opts: opts} }

type module struct{ opts Options }

// Name returns "path".
func (m *module) Name() string { return "path" }

// Instantiate builds the module's exports for one runtime.
func (m *module) Instantiate(h bindings.Host) (goja.Value, error) {
	base := m.opts.BaseDir
	var err error
	if base == "" {
		base, err = os.Getwd()
	} else {
		base, err = filepath.Abs(base)
	}
	if err != nil {
		return nil, fmt.Errorf("path module: %w", err)
	}
	p := &paths{base: base}
	vm := h.VM()
	strArgs := func(call goja.FunctionCall, fn string) []string {
		out := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			if !goja.IsString(a) {
				panic(vm.NewTypeError("path.%s: argument %d must be a string, got %s", fn, i+1, bindings.Describe(a)))
			}
			out[i] = a.String()
		}
		return out
	}
	str := func(call goja.FunctionCall, i int, fn, name string) string {
		a := call.Argument(i)
		if !goja.IsString(a) {
			panic(vm.NewTypeError("path.%s: %s must be a string, got %s", fn, name, bindings.Describe(a)))
		}
		return a.String()
	}
	o := vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	ret := func(s string) goja.Value { return vm.ToValue(s) }
	set("join", func(c goja.FunctionCall) goja.Value { return ret(p.join(strArgs(c, "join"))) })
	set("resolve", func(c goja.FunctionCall) goja.Value { return ret(p.resolve(strArgs(c, "resolve"))) })
	set("normalize", func(c goja.FunctionCall) goja.Value { return ret(normalize(str(c, 0, "normalize", "path"))) })
	set("dirname", func(c goja.FunctionCall) goja.Value { return ret(dirname(str(c, 0, "dirname", "path"))) })
	set("basename", func(c goja.FunctionCall) goja.Value {
		ext := ""
		if a := c.Argument(1); !goja.IsUndefined(a) {
			ext = str(c, 1, "basename", "ext")
		}
		return ret(basename(str(c, 0, "basename", "path"), ext))
	})
	set("extname", func(c goja.FunctionCall) goja.Value { return ret(extname(str(c, 0, "extname", "path"))) })
	set("relative", func(c goja.FunctionCall) goja.Value {
		return ret(p.relative(str(c, 0, "relative", "from"), str(c, 1, "relative", "to")))
	})
	set("isAbsolute", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(filepath.IsAbs(str(c, 0, "isAbsolute", "path")))
	})
	set("parse", func(c goja.FunctionCall) goja.Value {
		pp := parse(str(c, 0, "parse", "path"))
		r := vm.NewObject()
		_ = r.Set("root", pp.root)
		_ = r.Set("dir", pp.dir)
		_ = r.Set("base", pp.base)
		_ = r.Set("ext", pp.ext)
		_ = r.Set("name", pp.name)
		return r
	})
	set("format", func(c goja.FunctionCall) goja.Value {
		obj, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("path.format: pathObject must be an object, got %s", bindings.Describe(c.Argument(0))))
		}
		field := func(k string) string {
			v := obj.Get(k)
			if bindings.IsNullish(v) {
				return ""
			}
			if !goja.IsString(v) {
				panic(vm.NewTypeError("path.format: pathObject.%s must be a string, got %s", k, bindings.Describe(v)))
			}
			return v.String()
		}
		return ret(format(parsed{root: field("root"), dir: field("dir"), base: field("base"), ext: field("ext"), name: field("name")}))
	})
	_ = o.Set("sep", string(filepath.Separator))
	_ = o.Set("delimiter", string(filepath.ListSeparator))
	return o, nil
}

// paths holds the directory relative paths are resolved against.
type paths struct{ base string }

const sep = string(filepath.Separator)

func endsWithSep(p string) bool { return p != "" && os.IsPathSeparator(p[len(p)-1]) }

// trimTrailingSeps drops trailing separators, keeping a root alone.
func trimTrailingSeps(p string) string {
	end := len(p)
	for end > 1 && os.IsPathSeparator(p[end-1]) {
		end--
	}
	if end < len(p) && end == len(filepath.VolumeName(p)) {
		end++ // keep the root separator after a volume name
	}
	return p[:end]
}

// normalize cleans p as Node does: "." for empty, a trailing separator kept.
func normalize(p string) string {
	if p == "" {
		return "."
	}
	c := filepath.Clean(p)
	if endsWithSep(p) && !endsWithSep(c) {
		c += sep
	}
	return c
}

func (ps *paths) join(parts []string) string {
	nonEmpty := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	if len(nonEmpty) == 0 {
		return "."
	}
	return normalize(strings.Join(nonEmpty, sep))
}

// resolve works from the last path back until one is absolute, then prepends the base
// directory if none was.
func (ps *paths) resolve(parts []string) string {
	resolved := ""
	abs := false
	for i := len(parts) - 1; i >= 0 && !abs; i-- {
		if parts[i] == "" {
			continue
		}
		resolved = parts[i] + sep + resolved
		abs = filepath.IsAbs(parts[i])
	}
	if !abs {
		resolved = ps.base + sep + resolved
	}
	return filepath.Clean(resolved)
}

func (ps *paths) relative(from, to string) string {
	a, b := ps.resolve([]string{from}), ps.resolve([]string{to})
	rel, err := filepath.Rel(a, b)
	if err != nil || rel == "." {
		if err != nil {
			return b // different volumes: there is no relative path
		}
		return ""
	}
	return rel
}

func dirname(p string) string {
	if p == "" {
		return "."
	}
	return filepath.Dir(trimTrailingSeps(p))
}

func basename(p, ext string) string {
	t := trimTrailingSeps(p)
	t = t[len(filepath.VolumeName(t)):]
	i := strings.LastIndexFunc(t, func(r rune) bool { return r < 0x80 && os.IsPathSeparator(byte(r)) })
	b := t[i+1:]
	if ext != "" && strings.HasSuffix(b, ext) {
		b = b[:len(b)-len(ext)]
	}
	return b
}

func extname(p string) string {
	b := basename(p, "")
	i := strings.LastIndexByte(b, '.')
	if i <= 0 || b == ".." {
		return ""
	}
	return b[i:]
}

// parsed is what path.parse returns and path.format takes.
type parsed struct{ root, dir, base, ext, name string }

func parse(p string) parsed {
	var r parsed
	if p == "" {
		return r
	}
	vol := filepath.VolumeName(p)
	rest := p[len(vol):]
	r.root = vol
	if rest != "" && os.IsPathSeparator(rest[0]) {
		r.root += rest[:1]
	}
	t := trimTrailingSeps(p)
	r.base = basename(t, "")
	r.ext = extname(r.base)
	r.name = r.base[:len(r.base)-len(r.ext)]
	r.dir = strings.TrimSuffix(t, r.base)
	if r.dir != r.root {
		r.dir = trimTrailingSeps(r.dir)
	}
	return r
}

func format(p parsed) string {
	base := p.base
	if base == "" {
		ext := p.ext
		if ext != "" && ext[0] != '.' {
			ext = "." + ext
		}
		base = p.name + ext
	}
	dir := p.dir
	if dir == "" {
		dir = p.root
	}
	switch {
	case dir == "":
		return base
	case dir == p.root:
		return dir + base
	}
	return dir + sep + base
}
