// Package jsfs is the fs JavaScript module: the synchronous core of Node's fs module
// (readFileSync, writeFileSync, appendFileSync, existsSync, mkdirSync, readdirSync,
// statSync, unlinkSync, renameSync) plus two streams for files too large for memory,
// fs.lines(path) and fs.createWriter(path). fs.promises has the promise versions of
// the Sync functions (readFile, writeFile, ...; promises.go).
//
// Scripts get it with require("fs") when the host grants file access (the dkscript CLI
// does; embedders add it to runtime.Options.Modules themselves).
//
// Behaviour a script author should know:
//
//   - Relative paths are resolved against [Options.BaseDir] (the CLI passes the working
//     directory). No path is forbidden: granting this module grants the file system.
//   - "/dev/stdin" (or the descriptor 0) reads the run's standard input, and
//     "/dev/stdout" / "/dev/stderr" (descriptors 1 and 2) write to the run's output
//     streams, which an embedder may have redirected.
//   - readFileSync without an encoding returns the bytes as a Buffer when the runtime has
//     the global Buffer (goja_nodejs's buffer module), else as a Uint8Array. With
//     "utf8" (also "utf-8", "latin1", "ascii", "base64", "hex") it returns a string. Like
//     Node, it does not strip a byte order mark; fs.lines and the csv module do.
//   - Errors are JavaScript Errors shaped like Node's, naming the path as the script gave
//     it: "ENOENT: no such file or directory, open 'x.csv'", with properties code,
//     syscall and path.
//   - fs.lines(path) is an iterable of the file's lines without their line ends ("\n" or
//     "\r\n"), a leading byte order mark removed, holding one line in memory at a time;
//     it closes the file at the end, on break, and on error.
//   - fs.createWriter(path, {append}) returns a buffered writer with write(s),
//     writeLine(s) and close(); data reaches the file on close (always call it, in a
//     finally block). A failed write closes the file and throws.
package jsfs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// Options configure the fs module.
type Options struct {
	// BaseDir is the directory relative paths are resolved against. Empty means the
	// process's working directory when the module is instantiated.
	BaseDir string
}

// New returns the fs module.
func New(opts Options) bindings.Module { return &module{opts: opts} }

type module struct{ opts Options }

// Name returns "fs".
func (m *module) Name() string { return "fs" }

// UsesFiles reports that the module reads and writes files: a runtime loads it only
// with the FileAccess capability.
func (m *module) UsesFiles() bool { return true }

// Instantiate builds the module's exports for one runtime.
func (m *module) Instantiate(h bindings.Host) (goja.Value, error) {
	base, err := BaseDir(m.opts.BaseDir)
	if err != nil {
		return nil, fmt.Errorf("fs module: %w", err)
	}
	in := &instance{vm: h.VM(), h: h, files: Files{Base: base, Host: h}, streams: NewStreams(h)}
	return in.exports(), nil
}

// BaseDir returns dir made absolute, or the working directory when dir is empty.
func BaseDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}

type instance struct {
	vm      *goja.Runtime
	h       bindings.Host
	files   Files
	streams *Streams
}

func (in *instance) exports() *goja.Object {
	o := in.vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	set("readFileSync", in.readFileSync)
	set("writeFileSync", func(call goja.FunctionCall) goja.Value { return in.writeFile(call, false) })
	set("appendFileSync", func(call goja.FunctionCall) goja.Value { return in.writeFile(call, true) })
	set("existsSync", in.existsSync)
	set("mkdirSync", in.mkdirSync)
	set("readdirSync", in.readdirSync)
	set("statSync", in.statSync)
	set("unlinkSync", in.unlinkSync)
	set("renameSync", in.renameSync)
	set("lines", in.lines)
	set("createWriter", in.createWriter)
	_ = o.Set("promises", in.promises(o))
	return o
}

// throw panics with the Node-like error for err met doing syscall on path; a failure to
// open a file that was to be read or written is reported as "open".
func (in *instance) throw(err error, syscall, path string) {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op == "open" && (syscall == "read" || syscall == "write") {
		syscall = "open"
	}
	panic(NodeError(in.vm, err, syscall, path))
}

// pathOrFd reads argument 0 as a path, or as one of the descriptors 0, 1, 2 when fds
// allows them, returning the name it stands for.
func (in *instance) pathOrFd(call goja.FunctionCall, fn string, fds ...int64) string {
	v := call.Argument(0)
	if n, ok := bindings.IntOf(v); ok {
		for _, fd := range fds {
			if n == fd {
				return [...]string{Stdin, Stdout, Stderr}[fd]
			}
		}
		panic(in.vm.NewTypeError("%s: file descriptor %d is not supported (only paths and the standard streams)", fn, n))
	}
	p := stringArg(in.vm, call, 0, fn, "path")
	if p == "" {
		panic(NodeError(in.vm, fs.ErrNotExist, "open", p))
	}
	return p
}

// encodingArg reads an encoding given as a string or as {encoding}; "" means none.
func (in *instance) encodingArg(call goja.FunctionCall, i int, fn string) (enc string, opts *goja.Object) {
	v := call.Argument(i)
	if goja.IsString(v) {
		enc = v.String()
	} else {
		opts = optionsArg(in.vm, call, i, fn)
		enc = stringOption(in.vm, opts, "encoding", "", fn)
	}
	if enc == "" {
		return "", opts
	}
	name, err := encodingName(enc)
	if err != nil {
		panic(in.vm.NewTypeError("%s: %v", fn, err))
	}
	return name, opts
}

func (in *instance) readFileSync(call goja.FunctionCall) goja.Value {
	const fn = "fs.readFileSync"
	p := in.pathOrFd(call, fn, 0)
	enc, _ := in.encodingArg(call, 1, fn)
	var b []byte
	var err error
	max := bindings.MaxReadBytes()
	if p == Stdin {
		b, err = bindings.ReadAllLimited(in.files.stdin(), max)
	} else {
		var f *os.File
		if f, err = os.Open(in.files.Resolve(p)); err == nil {
			b, err = bindings.ReadAllLimited(f, max)
			f.Close()
		}
	}
	if errors.Is(err, bindings.ErrTooLarge) {
		panic(in.tooLarge(fn, p, max))
	}
	if err != nil {
		in.throw(err, "read", p)
	}
	if enc == "" {
		return bytesValue(in.vm, b)
	}
	return in.vm.ToValue(decode(b, enc))
}

// tooLarge is Node's ERR_FS_FILE_TOO_LARGE RangeError for a file longer than max.
func (in *instance) tooLarge(fn, path string, max int64) *goja.Object {
	e, err := in.vm.New(in.vm.Get("RangeError"), in.vm.ToValue(fmt.Sprintf(
		"%s: %s holds more than %d bytes, the most one read takes into memory (read it in parts: fs.lines, csv.reader)", fn, path, max)))
	if err != nil {
		panic(err)
	}
	_ = e.Set("code", "ERR_FS_FILE_TOO_LARGE")
	return e
}

func (in *instance) writeFile(call goja.FunctionCall, appendTo bool) goja.Value {
	fn := "fs.writeFileSync"
	if appendTo {
		fn = "fs.appendFileSync"
	}
	p := in.pathOrFd(call, fn, 1, 2)
	enc, opts := in.encodingArg(call, 2, fn)
	if enc == "" {
		enc = "utf8"
	}
	switch flag := stringOption(in.vm, opts, "flag", "", fn); flag {
	case "":
	case "a":
		appendTo = true
	case "w":
		appendTo = false
	default:
		panic(in.vm.NewTypeError("%s: flag %q is not supported (use \"w\" or \"a\")", fn, flag))
	}
	data := dataBytes(in.vm, call.Argument(1), enc, fn)
	w, err := in.files.Create(p, appendTo)
	if err != nil {
		in.throw(err, "open", p)
	}
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		in.throw(err, "write", p)
	}
	return goja.Undefined()
}

func (in *instance) existsSync(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if !goja.IsString(v) || v.String() == "" {
		return in.vm.ToValue(false)
	}
	_, err := os.Stat(in.files.Resolve(v.String()))
	return in.vm.ToValue(err == nil)
}

func (in *instance) mkdirSync(call goja.FunctionCall) goja.Value {
	const fn = "fs.mkdirSync"
	p := stringArg(in.vm, call, 0, fn, "path")
	perm := os.FileMode(0o777)
	var recursive bool
	if n, ok := bindings.IntOf(call.Argument(1)); ok {
		perm = os.FileMode(n) & os.ModePerm
	} else {
		opts := optionsArg(in.vm, call, 1, fn)
		recursive = boolOption(in.vm, opts, "recursive", fn)
		if opts != nil && !bindings.IsNullish(opts.Get("mode")) {
			n, ok := bindings.IntOf(opts.Get("mode"))
			if !ok {
				panic(in.vm.NewTypeError("%s: option mode must be an integer, got %s", fn, bindings.Describe(opts.Get("mode"))))
			}
			perm = os.FileMode(n) & os.ModePerm
		}
	}
	abs := in.files.Resolve(p)
	if !recursive {
		if err := os.Mkdir(abs, perm); err != nil {
			in.throw(err, "mkdir", p)
		}
		return goja.Undefined()
	}
	// Like Node, a recursive mkdir returns the first directory it created, or undefined.
	first := ""
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		first = d
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(abs, perm); err != nil {
		in.throw(err, "mkdir", p)
	}
	if first == "" {
		return goja.Undefined()
	}
	return in.vm.ToValue(first)
}

func (in *instance) readdirSync(call goja.FunctionCall) goja.Value {
	const fn = "fs.readdirSync"
	p := stringArg(in.vm, call, 0, fn, "path")
	withTypes := boolOption(in.vm, optionsArg(in.vm, call, 1, fn), "withFileTypes", fn)
	entries, err := os.ReadDir(in.files.Resolve(p))
	if err != nil {
		in.throw(err, "scandir", p)
	}
	out := make([]any, len(entries))
	for i, e := range entries {
		if !withTypes {
			out[i] = e.Name()
			continue
		}
		d := in.vm.NewObject()
		_ = d.Set("name", e.Name())
		in.setTypeMethods(d, e.Type())
		out[i] = d
	}
	return in.vm.NewArray(out...)
}

// setTypeMethods gives o isFile(), isDirectory() and isSymbolicLink() for mode.
func (in *instance) setTypeMethods(o *goja.Object, mode fs.FileMode) {
	isFile, isDir, isLink := mode.IsRegular(), mode.IsDir(), mode&fs.ModeSymlink != 0
	_ = o.Set("isFile", func(goja.FunctionCall) goja.Value { return in.vm.ToValue(isFile) })
	_ = o.Set("isDirectory", func(goja.FunctionCall) goja.Value { return in.vm.ToValue(isDir) })
	_ = o.Set("isSymbolicLink", func(goja.FunctionCall) goja.Value { return in.vm.ToValue(isLink) })
}

func (in *instance) statSync(call goja.FunctionCall) goja.Value {
	const fn = "fs.statSync"
	p := stringArg(in.vm, call, 0, fn, "path")
	opts := optionsArg(in.vm, call, 1, fn)
	fi, err := os.Stat(in.files.Resolve(p))
	if err != nil {
		if opts != nil && !bindings.IsNullish(opts.Get("throwIfNoEntry")) && !opts.Get("throwIfNoEntry").ToBoolean() && errors.Is(err, fs.ErrNotExist) {
			return goja.Undefined()
		}
		in.throw(err, "stat", p)
	}
	s := in.vm.NewObject()
	ms := fi.ModTime().UnixMilli()
	mtime, err := in.vm.New(in.vm.Get("Date"), in.vm.ToValue(ms))
	if err != nil {
		panic(err)
	}
	_ = s.Set("size", fi.Size())
	_ = s.Set("mtime", mtime)
	_ = s.Set("mtimeMs", ms)
	_ = s.Set("mode", int64(fi.Mode().Perm()))
	in.setTypeMethods(s, fi.Mode())
	return s
}

func (in *instance) unlinkSync(call goja.FunctionCall) goja.Value {
	const fn = "fs.unlinkSync"
	p := stringArg(in.vm, call, 0, fn, "path")
	abs := in.files.Resolve(p)
	fi, err := os.Lstat(abs)
	if err == nil && fi.IsDir() {
		err = &fs.PathError{Op: "unlink", Path: abs, Err: errIsDir}
	}
	if err == nil {
		err = os.Remove(abs)
	}
	if err != nil {
		in.throw(err, "unlink", p)
	}
	return goja.Undefined()
}

func (in *instance) renameSync(call goja.FunctionCall) goja.Value {
	const fn = "fs.renameSync"
	from := stringArg(in.vm, call, 0, fn, "oldPath")
	to := stringArg(in.vm, call, 1, fn, "newPath")
	if err := os.Rename(in.files.Resolve(from), in.files.Resolve(to)); err != nil {
		code, desc := Code(err)
		e := CodedError(in.vm, code, fmt.Sprintf("%s: %s, rename '%s' -> '%s'", code, desc, from, to))
		_ = e.Set("syscall", "rename")
		_ = e.Set("path", from)
		_ = e.Set("dest", to)
		panic(e)
	}
	return goja.Undefined()
}
