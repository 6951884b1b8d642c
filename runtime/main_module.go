package runtime

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// importMetaName is what esbuild writes for import.meta in a transformed file; the
// file's first line declares it (importMetaDecl) when the code uses it.
const importMetaName = "__dkscript_import_meta"

// absName returns the absolute form of a script or module name, as __filename,
// process.argv[1] and import.meta.filename show it: an OS path made absolute against
// the working directory, or, with Options.ModuleFS, the slash path rooted at the FS
// ("/" + name). A name in angle brackets ("<stdin>") names no file and is kept.
func (r *Runtime) absName(name string) string {
	switch {
	case strings.HasPrefix(name, "<"):
		return name
	case r.opts.ModuleFS != nil:
		return "/" + strings.TrimPrefix(path.Clean(filepath.ToSlash(name)), "/")
	}
	if a, err := filepath.Abs(name); err == nil {
		return a
	}
	return name
}

// absDir returns the directory of absName(name), as __dirname shows it; for a name in
// angle brackets, the working directory (the FS root with ModuleFS).
func (r *Runtime) absDir(name string) string {
	switch {
	case r.opts.ModuleFS != nil && strings.HasPrefix(name, "<"):
		return "/"
	case r.opts.ModuleFS != nil:
		return path.Dir(r.absName(name))
	case strings.HasPrefix(name, "<"):
		if wd, err := os.Getwd(); err == nil {
			return wd
		}
		return "."
	}
	return filepath.Dir(r.absName(name))
}

// installMainModule gives the script RunString runs what Node gives a main module:
// __filename and __dirname (absolute), module (id ".", filename, path, exports) and
// exports, and require.main, the same object as module, so `require.main === module`
// holds in the main script and not in the modules it requires.
func (r *Runtime) installMainModule(name string) {
	file, dir := r.absName(name), r.absDir(name)
	vm := r.vm
	mod := vm.NewObject()
	exports := vm.NewObject()
	_ = mod.Set("id", ".")
	_ = mod.Set("path", dir)
	_ = mod.Set("exports", exports)
	_ = mod.Set("filename", file)
	_ = mod.Set("loaded", false)
	_ = mod.Set("children", vm.NewArray())
	_ = mod.Set("paths", vm.NewArray())
	g := vm.GlobalObject()
	_ = g.Set("__filename", file)
	_ = g.Set("__dirname", dir)
	_ = g.Set("module", mod)
	_ = g.Set("exports", exports)
	if req, ok := g.Get("require").(*goja.Object); ok {
		_ = req.Set("main", mod)
	}
}

// importMetaDecl declares import.meta (url, filename, dirname, as Node's ES modules
// have them) for the transformed file name when its code uses it; "" otherwise. It
// goes on the code's first line, which holds no code of the file.
func (r *Runtime) importMetaDecl(name, code string) string {
	if !strings.Contains(code, importMetaName) {
		return ""
	}
	file := r.absName(name)
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(file)}
	return "var " + importMetaName + " = { url: " + jsString(u.String()) + ", filename: " + jsString(file) +
		", dirname: " + jsString(r.absDir(name)) + " };"
}

// moduleHead is what goes first on a required module's first line: its __filename and
// __dirname made absolute (goja_nodejs passes the path require resolved, relative to
// the main script's), module.id, filename and path as Node has them, and import.meta
// when the transformed code uses it.
func (r *Runtime) moduleHead(p, code string) string {
	file, dir := jsString(r.absName(p)), jsString(r.absDir(p))
	return "__filename = " + file + ", __dirname = " + dir + ", module.id = module.filename = " + file +
		", module.path = " + dir + ";" + r.importMetaDecl(p, code)
}
