package runtime

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// Top-level await: goja has no modules, so a script that only compiles with await
// allowed is wrapped in an async arrow function whose head sits on the script's first
// line, keeping every line number; columns on line 1 are shifted back when positions
// are reported (wrapCols).
const (
	tlaPrefix = "(async () => {"
	tlaSuffix = "\n})()"
)

var awaitRe = regexp.MustCompile(`\bawait\b`)

// compileScript compiles a script, wrapping it for top-level await when needed.
func (r *Runtime) compileScript(name, src string) (prg *goja.Program, wrapped bool, err error) {
	r.sources[name] = src
	delete(r.wrapCols, name)
	delete(r.wrapEnd, name)
	code := blankShebang(src)
	if loader, ask := transformLoader(name); ask {
		return r.compileTransformed(name, code, loader)
	}
	tree, perr := parser.ParseFile(nil, name, code, 0)
	if perr == nil {
		prg, err = compileAST(tree)
		return prg, false, err
	}
	if !awaitRe.MatchString(code) {
		if moduleSyntaxRe.MatchString(code) {
			if prg, wrapped, err := r.compileTransformed(name, code, api.LoaderJS); err == nil || esmSyntaxRe.MatchString(code) {
				return prg, wrapped, err
			}
		}
		return nil, false, perr
	}
	wtree, werr := parser.ParseFile(nil, name, tlaPrefix+code+tlaSuffix, 0)
	if werr != nil {
		// ES module syntax, for await or an async generator: esbuild transforms it.
		if prg, wrapped, err := r.compileTransformed(name, code, api.LoaderJS); err == nil || esmSyntaxRe.MatchString(code) {
			return prg, wrapped, err
		}
		// Report the wrapped error when the plain one was about await: that is the
		// error the author can act on.
		if errorAfterAwait(code, perr) {
			r.wrapCols[name] = len(tlaPrefix)
			return nil, false, werr
		}
		return nil, false, perr
	}
	r.wrapCols[name] = len(tlaPrefix)
	r.wrapEnd[name] = strings.Count(code, "\n") + 2
	prg, err = compileAST(wtree)
	return prg, true, err
}

// compileTransformed compiles an entry script transformed by esbuild (see
// transform.go).
func (r *Runtime) compileTransformed(name, code string, loader api.Loader) (*goja.Program, bool, error) {
	out, wrapped, err := r.transformEntry(name, code, loader)
	if err != nil {
		return nil, false, err
	}
	tree, err := parser.ParseFile(nil, name+entrySuffix, out, 0)
	if err != nil {
		return nil, false, err
	}
	prg, err := compileAST(tree)
	return prg, wrapped, err
}

// errorAfterAwait reports whether a parse error sits right after an "await".
func errorAfterAwait(code string, err error) bool {
	el, ok := err.(parser.ErrorList)
	if !ok || len(el) == 0 {
		return false
	}
	p := el[0].Position
	lines := strings.Split(code, "\n")
	if p.Line < 1 || p.Line > len(lines) {
		return false
	}
	line := lines[p.Line-1]
	if p.Column-1 > len(line) || p.Column < 1 {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(line[:p.Column-1], " \t"), "await")
}

// evalSource is Eval's body: REPL semantics.
func (r *Runtime) evalSource(name, src string) (goja.Value, error) {
	delete(r.evalMaps, name)
	return r.evalCode(name, src, false)
}

// evalCode evaluates an Eval entry; transformed tells an entry esbuild made (see
// evalTransformed) from the user's.
func (r *Runtime) evalCode(name, src string, transformed bool) (goja.Value, error) {
	r.sources[name] = src
	delete(r.wrapCols, name)
	delete(r.wrapEnd, name)
	code := blankShebang(src)
	// "{ a: 1 }" at the prompt is an object, as in Node's REPL.
	if t := strings.TrimSpace(code); strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		if tree, err := parser.ParseFile(nil, name, "("+code+")", 0); err == nil {
			if prg, err := compileAST(tree); err == nil {
				r.wrapCols[name] = 1
				return r.evalProgram(prg, false)
			}
		}
	}
	tree, perr := parser.ParseFile(nil, name, code, 0)
	if perr == nil {
		prg, err := compileAST(tree)
		if err != nil {
			return nil, err
		}
		return r.evalProgram(prg, false)
	}
	if !awaitRe.MatchString(code) {
		return r.evalTransformed(name, src, perr, transformed)
	}
	// "{ a: await f() }" is an object too.
	if t := strings.TrimSpace(code); strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		if prg, shift, ok := compileForREPL(name, "("+code+")"); ok {
			r.wrapCols[name] = shift + 1
			r.wrapEnd[name] = strings.Count(code, "\n") + 2
			return r.evalProgram(prg, true)
		}
	}
	prg, shift, ok := compileForREPL(name, code)
	if !ok {
		return r.evalTransformed(name, src, perr, transformed)
	}
	r.wrapCols[name] = shift
	r.wrapEnd[name] = strings.Count(code, "\n") + 2
	return r.evalProgram(prg, true)
}

// evalTransformed evaluates an Eval entry goja cannot parse but esbuild can: import
// lines (they become var declarations, so a later entry may import again) and
// TypeScript annotations (stripped). Positions in the transformed entry are mapped
// back to the entry as typed (evalMaps). When esbuild cannot read the entry either,
// the error is goja's perr (an unfinished entry stays one) unless esbuild read
// further: then goja stopped at TypeScript syntax and esbuild's error is the real
// one. perr is returned as it is when done is set (the entry was transformed).
func (r *Runtime) evalTransformed(name, src string, perr error, done bool) (goja.Value, error) {
	if done {
		return nil, perr
	}
	res := api.Transform(blankShebang(src), api.TransformOptions{
		Loader:         api.LoaderTS,
		Target:         api.ESNext,
		Supported:      esbuildSupported,
		TsconfigRaw:    `{"compilerOptions": {"verbatimModuleSyntax": true}}`, // keep imports used by later entries
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Sourcefile:     "input.ts",
		LogLevel:       api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		if te := laterTransformError(name, res.Errors[0], perr); te != nil {
			return nil, te
		}
		return nil, perr
	}
	out := string(res.Code)
	extra := 0
	var spans []importSpan
	if esmSyntaxRe.MatchString(out) {
		var head, body string
		head, body, spans = hoistImports(out, "var")
		out = head + "\n" + body
		extra = 1
	}
	if c := evalSourceMap(name, res.Map, extra); c != nil {
		r.evalMaps[name] = evalMap{c: c, spans: spans}
	}
	v, err := r.evalCode(name, out, true)
	// Carets show the entry as typed.
	r.sources[name] = src
	return v, err
}

// laterTransformError is esbuild's error m for the entry name when it lies after
// where goja's parse error perr does; nil otherwise.
func laterTransformError(name string, m api.Message, perr error) *transformError {
	if m.Location == nil {
		return nil
	}
	el, ok := perr.(parser.ErrorList)
	if !ok || len(el) == 0 {
		return nil
	}
	gp := el[0].Position
	line, col := m.Location.Line, m.Location.Column+1
	if line < gp.Line || (line == gp.Line && col <= gp.Column) {
		return nil
	}
	return &transformError{file: name, line: line, col: col, msg: m.Text}
}

// compileForREPL compiles code rewritten by rewriteForREPL; ok is false when the
// rewritten entry does not compile (the caller then reports the plain parse error).
func compileForREPL(name, code string) (prg *goja.Program, line1Shift int, ok bool) {
	src, shift, ok := rewriteForREPL(name, code)
	if !ok {
		return nil, 0, false
	}
	tree, err := parser.ParseFile(nil, name, src, 0)
	if err != nil {
		return nil, 0, false
	}
	prg, err = compileAST(tree)
	if err != nil {
		return nil, 0, false
	}
	return prg, shift, true
}

// evalProgram runs prg, drives the loop, and resolves a promise result.
func (r *Runtime) evalProgram(prg *goja.Program, wrapped bool) (goja.Value, error) {
	v, err := r.vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	p := asPromise(v)
	if wrapped {
		r.mainPromise = p
	}
	if err := r.checkRejections(); err != nil {
		return nil, err
	}
	if err := r.drive(); err != nil {
		return nil, err
	}
	if p == nil {
		return v, nil
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return p.Result(), nil
	case goja.PromiseStateRejected:
		return nil, &thrownError{value: p.Result(), inPromise: !wrapped}
	}
	if wrapped {
		return nil, r.settledMain()
	}
	return v, nil
}

// promiseType is what ExportType reports for a promise.
var promiseType = reflect.TypeOf((*goja.Promise)(nil))

// asPromise returns v's promise when v is one. Other values are not exported: that
// would copy a large result and run its getters (which may throw).
func asPromise(v goja.Value) *goja.Promise {
	o, ok := v.(*goja.Object)
	if !ok || o.ExportType() != promiseType {
		return nil
	}
	p, _ := bindings.GoValue(o).(*goja.Promise)
	return p
}
