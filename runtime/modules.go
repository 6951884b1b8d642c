package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsassert"
	"github.com/dkscript/dkscript/bindings/jscrypto"
	"github.com/dkscript/dkscript/bindings/jsdaktela"
	"github.com/dkscript/dkscript/bindings/jsfetch"
	"github.com/dkscript/dkscript/bindings/jsintl"
	"github.com/dkscript/dkscript/bindings/jsos"
	"github.com/dkscript/dkscript/bindings/jsweb"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/dop251/goja_nodejs/require"
	"github.com/dop251/goja_nodejs/url"
)

// requirePrefix is what goja_nodejs puts before a module's source on its first line.
const requirePrefix = "(function(exports,require,module,__filename,__dirname){"

// errNoModuleSource is returned by the source loader when the runtime may not read
// module files at all.
var errNoModuleSource = errors.New("require of files needs Options.ModuleFS or the FileAccess capability")

// nativeModule is a Go module, instantiated once per runtime on first use.
type nativeModule struct {
	mod   bindings.Module
	value goja.Value
	err   error
	done  bool
}

// installModules sets up require on the runtime's own registry, the native modules
// (daktela, Options.Modules, util, crypto, os, assert) and the lazy globals (URL, Buffer, the
// web globals of jsweb).
func (r *Runtime) installModules() error {
	reg := require.NewRegistry(require.WithLoader(r.loadSource), require.WithPathResolver(r.resolvePath))
	r.req = reg.Enable(r.vm)
	r.natives = make(map[string]*nativeModule)
	var order []string
	add := func(m bindings.Module) error {
		name := m.Name()
		if name == "" || isFilePath(name) {
			return fmt.Errorf("runtime: module name %q must be a bare name such as \"daktela\"", name)
		}
		if _, ok := r.natives[name]; !ok {
			order = append(order, name)
		}
		r.moduleOrder = order
		r.natives[name] = &nativeModule{mod: m}
		return nil
	}
	_ = add(utilModule{r: r})
	_ = add(jscrypto.New())
	_ = add(jsos.New())
	_ = add(jsassert.New())
	_ = add(jsdaktela.New(jsdaktela.Config{
		Client:          r.opts.Client,
		AllowNewClients: r.opts.Capabilities.NewClients,
		ConfigureClient: r.opts.ConfigureClient,
		NoClientHelp:    r.opts.NoClientHelp,
		FileAccess:      r.opts.Capabilities.FileAccess,
		BaseDir:         r.opts.Dir,
	}))
	for i, m := range r.opts.Modules {
		if m == nil {
			return fmt.Errorf("runtime: Options.Modules[%d] is nil", i)
		}
		if err := add(m); err != nil {
			return err
		}
	}
	r.setFunc(r.vm.GlobalObject(), "require", r.require)
	for _, name := range order {
		nm := r.natives[name]
		if g, ok := nm.mod.(bindings.Global); ok && g.IsGlobal() {
			r.lazyGlobal(name, func() goja.Value { return r.instantiate(name, nm) })
		}
	}
	r.lazyGlobal("URL", func() goja.Value { return r.requireBuiltin(url.ModuleName).Get("URL") })
	r.lazyGlobal("URLSearchParams", func() goja.Value { return r.requireBuiltin(url.ModuleName).Get("URLSearchParams") })
	r.lazyGlobal("Buffer", func() goja.Value { return r.requireBuiltin(buffer.ModuleName).Get("Buffer") })
	var web map[string]goja.Value
	for _, name := range jsweb.Names {
		r.lazyGlobal(name, func() goja.Value {
			if web == nil {
				w, err := jsweb.New(r.vm)
				if err != nil {
					panic(r.vm.NewGoError(err))
				}
				web = w
			}
			return web[name]
		})
	}
	r.installIntl()
	return r.installFetch()
}

// installIntl defines the lazy global Intl and the locale-aware toLocaleString methods
// of Number and Date (see package jsintl), which format in the zone of Date's local
// time.
func (r *Runtime) installIntl() {
	r.lazyGlobal("Intl", func() goja.Value {
		v, err := jsintl.New(r.vm, nil, bindings.HostNow(r.host()))
		if err != nil {
			panic(r.vm.NewGoError(err))
		}
		return v
	})
	method := func(proto goja.Value, name string, fn func(goja.FunctionCall) goja.Value) {
		if p, ok := proto.(*goja.Object); ok {
			f := r.vm.ToValue(fn).(*goja.Object)
			_ = f.DefineDataProperty("name", r.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
			_ = f.DefineDataProperty("length", r.vm.ToValue(0), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
			_ = p.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	vm := r.vm
	method(vm.Get("Number").ToObject(vm).Get("prototype"), "toLocaleString", func(call goja.FunctionCall) goja.Value {
		return jsintl.ToLocaleString(vm, call)
	})
	dateProto := vm.Get("Date").ToObject(vm).Get("prototype")
	for name, parts := range map[string]string{"toLocaleString": "all", "toLocaleDateString": "date", "toLocaleTimeString": "time"} {
		method(dateProto, name, func(call goja.FunctionCall) goja.Value {
			return jsintl.DateToLocale(vm, call, parts, nil)
		})
	}
}

// installFetch defines fetch and its classes as lazy globals, built together on first
// use with the Net capability's settings.
func (r *Runtime) installFetch() error {
	if _, err := jsfetch.ParseHosts(r.opts.Capabilities.NetHosts); err != nil {
		return fmt.Errorf("runtime: Capabilities.NetHosts: %w", err)
	}
	var globals map[string]goja.Value
	for _, name := range jsfetch.Names {
		r.lazyGlobal(name, func() goja.Value {
			if globals == nil {
				g, err := jsfetch.New(r.host(), jsfetch.Config{
					Allowed:          r.opts.Capabilities.Net,
					Hosts:            r.opts.Capabilities.NetHosts,
					MaxResponseBytes: r.opts.MaxFetchBytes,
					Logger:           r.opts.NetLogger,
					DeniedHelp:       r.opts.NoNetHelp,
				})
				if err != nil {
					panic(r.vm.NewGoError(err))
				}
				globals = g
			}
			return globals[name]
		})
	}
	return nil
}

func (r *Runtime) requireBuiltin(name string) *goja.Object {
	v, err := r.req.Require(name)
	if err != nil {
		panic(r.vm.NewGoError(err))
	}
	return v.ToObject(r.vm)
}

// lazyGlobal defines a global that is built on first read (so New stays cheap) and
// that scripts may overwrite or shadow.
func (r *Runtime) lazyGlobal(name string, get func() goja.Value) {
	g := r.vm.GlobalObject()
	getter := r.vm.ToValue(func(goja.FunctionCall) goja.Value {
		v := get()
		if f, ok := v.(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(f); isFn && strings.Contains(f.Get("name").String(), ".") {
				// A goja_nodejs constructor named after its Go function.
				_ = f.DefineDataProperty("name", r.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		}
		_ = g.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return v
	})
	setter := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		_ = g.DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return goja.Undefined()
	})
	_ = g.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// instantiate returns a native module's exports, building them on first use.
func (r *Runtime) instantiate(name string, nm *nativeModule) goja.Value {
	if fu, ok := nm.mod.(bindings.FileUser); ok && fu.UsesFiles() && !r.opts.Capabilities.FileAccess {
		panic(r.newError("Error", fmt.Sprintf("require(%q): the %s module reads and writes files, which this runtime does not allow (the host grants it with the FileAccess capability)", name, nm.mod.Name())))
	}
	if !nm.done {
		nm.done = true
		nm.value, nm.err = nm.mod.Instantiate(r.host())
		if nm.err == nil && nm.value == nil {
			nm.value = goja.Undefined()
		}
	}
	if nm.err != nil {
		var ex *goja.Exception
		if errors.As(nm.err, &ex) {
			panic(ex)
		}
		panic(r.newError("Error", fmt.Sprintf("module %q could not be loaded: %v", name, nm.err)))
	}
	return nm.value
}

// require is the global require: native modules by name, then goja_nodejs's CommonJS
// resolution of relative files over the source loader, with clear errors.
func (r *Runtime) require(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	if !goja.IsString(arg) {
		panic(r.vm.NewTypeError("require: the module name must be a string, got %s", describeType(arg)))
	}
	id := arg.String()
	if nm := r.natives[strings.TrimPrefix(id, "node:")]; nm != nil {
		return r.instantiate(id, nm)
	}
	v, err := r.req.Require(id)
	if err == nil {
		return v
	}
	var (
		ie *goja.InterruptedError
		so *goja.StackOverflowError
		ex *goja.Exception
	)
	switch {
	case errors.As(err, &ie):
		panic(ie)
	case errors.As(err, &so):
		panic(so)
	case errors.As(err, &ex):
		panic(ex)
	case !isFilePath(id) && (errors.Is(err, require.InvalidModuleError) || strings.HasPrefix(id, "node:")):
		panic(r.newError("Error", fmt.Sprintf("Cannot find module '%s'. The modules are: %s (each also as \"node:name\"); a file of your own is required by its path, \"./%s.js\"",
			id, strings.Join(r.moduleNames(), ", "), strings.TrimPrefix(id, "node:"))))
	case errors.Is(err, require.InvalidModuleError):
		msg := fmt.Sprintf("Cannot find module '%s'", id)
		if r.opts.ModuleFS == nil && !r.opts.Capabilities.FileAccess && isFilePath(id) {
			msg += " (" + errNoModuleSource.Error() + ")"
		}
		panic(r.newError("Error", msg))
	case errors.Is(err, errNoModuleSource):
		panic(r.newError("Error", fmt.Sprintf("Cannot load module '%s': %v", id, errNoModuleSource)))
	}
	if pos, msg, ok := r.syntaxPosition(err); ok {
		obj := r.newError("SyntaxError", msg)
		if r.syntaxPos == nil {
			r.syntaxPos = make(map[*goja.Object]Frame)
		}
		r.syntaxPos[obj] = pos
		panic(obj)
	}
	panic(r.newError("Error", fmt.Sprintf("Cannot load module '%s': %v", id, err)))
}

// moduleNames lists the modules require finds by name (the native ones and
// goja_nodejs's url and buffer): daktela first, then in alphabetical order.
func (r *Runtime) moduleNames() []string {
	names := append([]string{}, r.moduleOrder...)
	names = append(names, url.ModuleName, buffer.ModuleName)
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "daktela":
			return -1
		case b == "daktela":
			return 1
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(names)
}

func isFilePath(id string) bool {
	return id == "." || id == ".." || strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../") || strings.HasPrefix(id, "/")
}

// newError makes a JavaScript error of the named built-in class.
func (r *Runtime) newError(class, msg string) *goja.Object {
	ctor := r.vm.Get(class)
	if ctor == nil {
		ctor = r.vm.Get("Error")
	}
	obj, err := r.vm.New(ctor, r.vm.ToValue(msg))
	if err != nil {
		return r.vm.NewGoError(errors.New(msg))
	}
	return obj
}

// resolvePath joins a require path to the requiring module's directory: slash paths
// inside ModuleFS, OS paths otherwise.
func (r *Runtime) resolvePath(base, p string) string {
	if r.opts.ModuleFS != nil {
		j := path.Join(filepath.ToSlash(base), p)
		return strings.TrimPrefix(j, "/")
	}
	return require.DefaultPathResolver(base, p)
}

// loadSource reads a module for require from ModuleFS, or from the OS when the
// FileAccess capability is granted. It keeps the source for error carets. A missing
// "x.js" is looked for as x.ts, x.mts and x.mjs, as TypeScript's imports name it, and
// an ES module or TypeScript file is transformed into CommonJS (see transform.go).
func (r *Runtime) loadSource(p string) ([]byte, error) {
	name := p
	b, err := r.readModuleFile(p)
	if errors.Is(err, require.ModuleFileDoesNotExistError) && strings.HasSuffix(p, ".js") {
		for _, ext := range []string{".ts", ".mts", ".mjs"} {
			alt := strings.TrimSuffix(p, ".js") + ext
			if ab, aerr := r.readModuleFile(alt); aerr == nil {
				name, b, err = alt, ab, nil
				break
			}
		}
	}
	if err != nil {
		return nil, err
	}
	r.sources[name] = string(b)
	if strings.HasSuffix(p, ".json") {
		delete(r.wrapCols, p)
		if err := checkJSONModule(p, b); err != nil {
			return nil, err
		}
		return b, nil
	}
	r.wrapCols[p] = len(requirePrefix)
	src := blankShebang(string(b))
	var code string
	if name != p {
		code, err = r.transformModule(name, p, src)
	} else {
		code, err = r.moduleSource(p, src)
	}
	if err != nil {
		return nil, err
	}
	head := r.moduleHead(p, code)
	if n, ok := r.wrapCols[p]; ok {
		r.wrapCols[p] = n + len(head)
	}
	return []byte(head + code), nil
}

// readModuleFile reads the module file p, or returns require.ModuleFileDoesNotExistError.
func (r *Runtime) readModuleFile(p string) ([]byte, error) {
	switch {
	case r.opts.ModuleFS != nil:
		if !fs.ValidPath(p) {
			return nil, require.ModuleFileDoesNotExistError
		}
		fi, serr := fs.Stat(r.opts.ModuleFS, p)
		if serr != nil || fi.IsDir() {
			return nil, require.ModuleFileDoesNotExistError
		}
		return fs.ReadFile(r.opts.ModuleFS, p)
	case r.opts.Capabilities.FileAccess:
		return require.DefaultSourceLoader(p)
	}
	return nil, require.ModuleFileDoesNotExistError
}

// blankShebang turns a "#!" first line into a comment, keeping line numbers.
func blankShebang(src string) string {
	if strings.HasPrefix(src, "#!") {
		return "//" + src[2:]
	}
	return src
}

// checkJSONModule returns nil for valid JSON, else a *jsonModuleError with the line and
// column of the mistake. Valid data is only scanned (the loader parses it afterwards);
// only invalid data is decoded, for the error's offset.
func checkJSONModule(file string, data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	if err == nil {
		return nil
	}
	off := 0
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	line, col := 1, 1
	for i, c := range string(data) {
		if i >= off-1 && off > 0 {
			break
		}
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &jsonModuleError{file: file, line: line, col: col, msg: "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}
