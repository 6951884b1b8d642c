package runtime

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// ES modules and TypeScript: goja runs CommonJS scripts only, so a file whose
// extension asks for it (.ts, .mts, .cts, .mjs), or a .js file goja cannot parse as
// it is (import/export, for await, async generators), is transformed by esbuild into
// CommonJS that goja runs: types are stripped (not checked), import/export become
// require and exports, and what goja lacks is lowered. Each file is transformed on
// its own (esbuild's Transform, never a build reading the OS file system), so
// Options.ModuleFS keeps working. A source map goes with the code, so every
// position goja reports is in the original file.

// entrySuffix ends the name a transformed entry script is compiled under: frames of
// the code generated around it (the wrappers here), which the source map does not
// map, are told apart by it and left out of stacks.
const entrySuffix = "#transformed"

// esbuildSupported lowers what goja cannot run; everything else is kept as written.
var esbuildSupported = map[string]bool{
	"async-generator": false,
	"for-await":       false,
}

// transformLoader reports whether a file's extension asks for the transform, and
// how esbuild reads it.
func transformLoader(name string) (api.Loader, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS, true
	case ".mjs":
		return api.LoaderJS, true
	}
	return api.LoaderJS, false
}

// moduleSyntaxRe finds what a plain .js file may use that goja cannot parse; only a
// file with one of these is tried with the transform after goja fails on it.
var moduleSyntaxRe = regexp.MustCompile(`\b(?:import|export)\b|\bfor\s+await\b|\basync\s*(?:function\s*)?\*`)

// esmSyntaxRe finds an import or export statement at the start of a line.
var esmSyntaxRe = regexp.MustCompile(`(?m)^\s*(?:import\s*[\w{*"']|export\b)`)

// transformError is a file esbuild could not transform.
type transformError struct {
	file      string
	line, col int
	msg       string
	tla       bool // the file uses top-level await, which CommonJS cannot express
}

func (e *transformError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
}

// importMetaDefine returns the esbuild define that makes import.meta a variable the
// file's first line declares (importMetaDecl), for a src that may use import.meta
// (it has the word "meta": the tokens may stand apart, "import . meta"), and nil
// otherwise. Any define costs esbuild its table of known globals rebuilt on each call
// (half a millisecond), and nearly no script reads import.meta.
func importMetaDefine(src string) map[string]string {
	if !strings.Contains(src, "meta") {
		return nil
	}
	return map[string]string{"import.meta": importMetaName}
}

// esTransform transforms src (named name, compiled under compiled) into format and
// returns the code with an inline source map; extraLines lines are put before the
// code (for a wrapper's head), and the map accounts for them.
func (r *Runtime) esTransform(name, compiled, src string, loader api.Loader, format api.Format, extraLines int) (code, mapComment string, err error) {
	cache := transformCache(r.opts.TransformCache)
	key := cache.key(name, src, loader, format, extraLines)
	codeOut, mapJSON, ok := cache.get(key)
	if !ok {
		if codeOut, mapJSON, err = esbuildTransform(name, src, loader, format, extraLines); err != nil {
			return "", "", err
		}
		if !MentionsCredential(src) {
			cache.put(key, codeOut, mapJSON)
		}
	}
	if u := file.ResolveSourcemapURL(compiled, path.Base(name)); u != nil && u.String() != name {
		r.srcAlias[u.String()] = name
	}
	delete(r.wrapCols, compiled)
	return codeOut, "\n//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(mapJSON), nil
}

// esbuildTransform runs esbuild on src (named name) and returns the code and its source
// map (JSON), which names the file and accounts for extraLines lines put before the code.
func esbuildTransform(name, src string, loader api.Loader, format api.Format, extraLines int) (code string, mapJSON []byte, err error) {
	res := api.Transform(src, api.TransformOptions{
		Loader:         loader,
		Format:         format,
		Target:         api.ESNext,
		Supported:      esbuildSupported,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		// A neutral name: a .mjs or .mts name would make esbuild import every module
		// as CommonJS ("node mode"), hiding an ES module's default export. The map
		// names the file itself (below).
		Sourcefile: sourcefileFor(loader),
		LogLevel:   api.LogLevelSilent,
		Define:     importMetaDefine(src),
	})
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		e := &transformError{file: name, line: 1, col: 1, msg: m.Text}
		if m.Location != nil {
			e.line, e.col = m.Location.Line, m.Location.Column+1
		}
		e.tla = strings.HasPrefix(m.Text, "Top-level await")
		return "", nil, e
	}
	var sm map[string]any
	if err := json.Unmarshal(res.Map, &sm); err != nil {
		return "", nil, err
	}
	sm["sources"] = []string{path.Base(name)}
	if mp, ok := sm["mappings"].(string); ok {
		sm["mappings"] = strings.Repeat(";", extraLines) + addNextColumns(mp)
	}
	if mapJSON, err = json.Marshal(sm); err != nil {
		return "", nil, err
	}
	return string(res.Code), mapJSON, nil
}

// transformModule transforms the file name, which require loads as compiled (a
// missing x.js found as x.ts), into CommonJS.
func (r *Runtime) transformModule(name, compiled, src string) (string, error) {
	loader, _ := transformLoader(name)
	code, sm, err := r.esTransform(name, compiled, src, loader, api.FormatCommonJS, 1)
	if err != nil {
		return "", requireAsyncError(err)
	}
	return "\n" + code + sm, nil
}

// sourcefileFor is the name esbuild is told the input has.
func sourcefileFor(loader api.Loader) string {
	if loader == api.LoaderTS {
		return "input.ts"
	}
	return "input.js"
}

// moduleSource is what the require loader gives goja for the module file p: src as
// it is, or transformed into CommonJS.
func (r *Runtime) moduleSource(p, src string) (string, error) {
	loader, ask := transformLoader(p)
	if !ask {
		if !moduleSyntaxRe.MatchString(src) {
			return src, nil
		}
		_, perr := parser.ParseFile(nil, p, requirePrefix+src+"\n})", 0, parser.WithDisableSourceMaps)
		if perr == nil {
			return src, nil
		}
		code, sm, err := r.esTransform(p, p, src, loader, api.FormatCommonJS, 1)
		if err != nil {
			if te, ok := err.(*transformError); ok && (te.tla || esmSyntaxRe.MatchString(src)) {
				return "", requireAsyncError(te)
			}
			// Not module syntax: goja's own error is the one to show.
			return src, nil
		}
		return "\n" + code + sm, nil
	}
	return r.transformModule(p, p, src)
}

// requireAsyncError explains a module with top-level await, which require cannot
// load (as Node's ERR_REQUIRE_ASYNC_MODULE); other errors are returned as they are.
func requireAsyncError(err error) error {
	if te, ok := err.(*transformError); ok && te.tla {
		return &transformError{file: te.file, line: te.line, col: te.col,
			msg: "require() cannot load a module that uses top-level await (ERR_REQUIRE_ASYNC_MODULE): only the script dkscript runs may use it; move the await into an async function the importer calls"}
	}
	return err
}

// The head of the async function of top-level await, on the first line of a
// transformed entry script.
const (
	tlaHead = "(async () => {"
	tlaTail = "\n})()"
)

// transformEntry transforms the script that is run (not required). Top-level await
// cannot be CommonJS: then the script is transformed as an ES module, its imports
// become requires run first, and its body runs as an async function whose promise
// the run waits for (wrapped is true).
func (r *Runtime) transformEntry(name, src string, loader api.Loader) (code string, wrapped bool, err error) {
	code, sm, err := r.esTransform(name, name+entrySuffix, src, loader, api.FormatCommonJS, 1)
	if err == nil {
		// The script runs as a script, as a CommonJS one does, with the main module's
		// module and exports (installMainModule).
		return r.importMetaDecl(name, code) + "\n" + code + sm, false, nil
	}
	te, ok := err.(*transformError)
	if !ok || !te.tla {
		return "", false, err
	}
	esm, sm, err := r.esTransform(name, name+entrySuffix, src, loader, api.FormatESModule, 1)
	if err != nil {
		return "", false, err
	}
	head, body, _ := hoistImports(esm, "const")
	return r.importMetaDecl(name, esm) + head + tlaHead + "\n" + body + tlaTail + sm, true, nil
}

// importLineRe matches the start of a top-level import or export statement as
// esbuild prints them (at the start of a line).
var (
	importStartRe = regexp.MustCompile(`^import\s*(?:[\w$*{"'])`)
	importFullRe  = regexp.MustCompile(`(?s)^import\s*(?:(.*?)\s*from\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*(?:(?:with|assert)\s*\{[^}]*\}\s*)?;?$`)
	exportFromRe  = regexp.MustCompile(`(?s)^export\s*(?:\*|\{.*?\}|\*\s*as\s+[\w$]+)\s*from\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`)
)

// hoistImports turns esbuild's ES module output into a head of require calls (one
// line, for the imports, which ES modules run before the body) and a body with the
// same number of lines, import and export statements blanked, so the source map
// still holds. esbuild prints each import and export statement from the start of a
// line, ending with ";". spans say which statement each part of the head came from.
func hoistImports(code, decl string) (head, body string, spans []importSpan) {
	lines := strings.Split(code, "\n")
	var decls []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		isImport := importStartRe.MatchString(l)
		isExportList := strings.HasPrefix(l, "export {") || strings.HasPrefix(l, "export *")
		if !isImport && !isExportList {
			if rest, ok := strings.CutPrefix(l, "export default "); ok {
				lines[i] = rest
			} else if rest, ok := strings.CutPrefix(l, "export "); ok {
				lines[i] = rest
			}
			continue
		}
		j := i
		for j < len(lines)-1 && !strings.HasSuffix(strings.TrimSpace(lines[j]), ";") {
			j++
		}
		stmt := strings.Join(lines[i:j+1], "\n")
		for k := i; k <= j; k++ {
			lines[k] = ""
		}
		start := i
		i = j
		var part []string
		if isImport {
			part = importDecls(stmt, decl, len(decls))
		} else if m := exportFromRe.FindStringSubmatch(stmt); m != nil {
			part = []string{"require(" + m[1] + ");"}
		}
		if len(part) > 0 {
			spans = append(spans, importSpan{n: len(part), line: start})
			decls = append(decls, part...)
		}
	}
	head = "var __dkImport = (m) => m != null && m.__esModule ? m : Object.assign(Object.create(null), m, { default: m });"
	// The columns each statement's declarations take in the head.
	col := len(head)
	k := 0
	for si := range spans {
		spans[si].from = col
		for n := 0; n < spans[si].n; n, k = n+1, k+1 {
			col += len(decls[k]) + 1
		}
		spans[si].to = col
	}
	return head + strings.Join(decls, " "), strings.Join(lines, "\n"), spans
}

// importSpan is the part of a hoisted head that one import (or export ... from)
// statement became: columns from (0-based) up to to, n declarations, from the
// statement at line (0-based) of the code.
type importSpan struct {
	from, to, n int
	line        int
}

var (
	nsImportRe    = regexp.MustCompile(`^\*\s*as\s+([\w$]+)$`)
	namedImportRe = regexp.MustCompile(`^([\w$]+|"[^"]*")(?:\s+as\s+([\w$]+))?$`)
)

// importDecls turns one import statement into declarations made with decl ("const",
// or "var" in a REPL); n makes its temporary's name unique.
func importDecls(stmt, decl string, n int) []string {
	m := importFullRe.FindStringSubmatch(strings.TrimSpace(stmt))
	if m == nil {
		// Not a form esbuild prints: let goja report it where it stands.
		return []string{stmt}
	}
	clause, spec := strings.TrimSpace(m[1]), m[2]
	if clause == "" {
		return []string{"require(" + spec + ");"}
	}
	var out []string
	tmp := fmt.Sprintf("__dkM%d", n)
	out = append(out, decl+" "+tmp+" = require("+spec+");")
	if i := strings.Index(clause, "{"); i >= 0 {
		inner := strings.TrimSuffix(strings.TrimSpace(clause[i+1:]), "}")
		for _, item := range strings.Split(inner, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			nm := namedImportRe.FindStringSubmatch(item)
			if nm == nil {
				continue
			}
			local := nm[2]
			if local == "" {
				local = nm[1]
			}
			out = append(out, decl+" "+local+" = "+tmp+"["+jsString(strings.Trim(nm[1], `"`))+"];")
		}
		clause = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(clause[:i]), ","))
	}
	for _, part := range strings.Split(clause, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if ns := nsImportRe.FindStringSubmatch(part); ns != nil {
			out = append(out, decl+" "+ns[1]+" = __dkImport("+tmp+");")
		} else {
			out = append(out, decl+" "+part+" = "+tmp+" != null && "+tmp+".__esModule ? "+tmp+".default : "+tmp+";")
		}
	}
	return out
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// transformedFrame reports whether fr is in code generated around a transformed
// entry script (to be left out), and gives a frame the source map named by its URL
// the file's own name.
func (r *Runtime) transformedFrame(fr *Frame) bool {
	if strings.HasSuffix(fr.File, entrySuffix) {
		return true
	}
	if name, ok := r.srcAlias[fr.File]; ok {
		fr.File = name
	}
	return false
}
