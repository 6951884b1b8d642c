package runtime

import (
	"regexp"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
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
	tree, perr := parser.ParseFile(nil, name, code, 0)
	if perr == nil {
		prg, err = goja.CompileAST(tree, false)
		return prg, false, err
	}
	if !awaitRe.MatchString(code) {
		return nil, false, perr
	}
	wtree, werr := parser.ParseFile(nil, name, tlaPrefix+code+tlaSuffix, 0)
	if werr != nil {
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
	prg, err = goja.CompileAST(wtree, false)
	return prg, true, err
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
	r.sources[name] = src
	delete(r.wrapCols, name)
	delete(r.wrapEnd, name)
	code := blankShebang(src)
	// "{ a: 1 }" at the prompt is an object, as in Node's REPL.
	if t := strings.TrimSpace(code); strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
		if tree, err := parser.ParseFile(nil, name, "("+code+")", 0); err == nil {
			if prg, err := goja.CompileAST(tree, false); err == nil {
				r.wrapCols[name] = 1
				return r.evalProgram(prg, false)
			}
		}
	}
	tree, perr := parser.ParseFile(nil, name, code, 0)
	if perr == nil {
		prg, err := goja.CompileAST(tree, false)
		if err != nil {
			return nil, err
		}
		return r.evalProgram(prg, false)
	}
	if !awaitRe.MatchString(code) {
		return nil, perr
	}
	wrappedSrc, ok := rewriteForREPL(name, code)
	if !ok {
		return nil, perr
	}
	wtree, werr := parser.ParseFile(nil, name, wrappedSrc, 0)
	if werr != nil {
		return nil, perr
	}
	prg, err := goja.CompileAST(wtree, false)
	if err != nil {
		return nil, err
	}
	r.wrapCols[name] = len(tlaPrefix)
	r.wrapEnd[name] = strings.Count(code, "\n") + 2
	return r.evalProgram(prg, true)
}

// evalProgram runs prg, drives the loop, and resolves a promise result.
func (r *Runtime) evalProgram(prg *goja.Program, wrapped bool) (goja.Value, error) {
	v, err := r.vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	var p *goja.Promise
	if o, ok := v.(*goja.Object); ok {
		p, _ = o.Export().(*goja.Promise)
	}
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

// rewriteForREPL wraps code with top-level await in an async arrow so that its
// declarations become globals (visible to later Evals) and the value of its last
// expression statement is returned:
//
//	const x = await f()   →  void (x = await f());
//	class A {}            →  A = class A {};
//	function f() {}       →  kept, plus globalThis.f = f at the start
//	x + 1 (last)          →  return (x + 1)
func rewriteForREPL(name, code string) (string, bool) {
	wrapped := tlaPrefix + code + tlaSuffix
	tree, err := parser.ParseFile(nil, name, wrapped, 0)
	if err != nil || len(tree.Body) != 1 {
		return "", false
	}
	es, ok := tree.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return "", false
	}
	call, ok := es.Expression.(*ast.CallExpression)
	if !ok {
		return "", false
	}
	arrow, ok := call.Callee.(*ast.ArrowFunctionLiteral)
	if !ok {
		return "", false
	}
	body, ok := arrow.Body.(*ast.BlockStatement)
	if !ok {
		return "", false
	}
	type edit struct {
		from, to int // byte offsets in wrapped, [from, to)
		text     string
	}
	var edits []edit
	at := func(idx int) int { return idx - 1 } // file.Idx is 1-based
	text := func(n ast.Node) string { return wrapped[at(int(n.Idx0())):at(int(n.Idx1()))] }
	var hoisted []string
	for i, st := range body.List {
		last := i == len(body.List)-1
		switch s := st.(type) {
		case *ast.VariableStatement:
			edits = append(edits, edit{at(int(s.Idx0())), at(int(s.Idx1())), assignments(s.List, text)})
		case *ast.LexicalDeclaration:
			edits = append(edits, edit{at(int(s.Idx0())), at(int(s.Idx1())), assignments(s.List, text)})
		case *ast.ClassDeclaration:
			if s.Class.Name != nil {
				edits = append(edits, edit{at(int(s.Idx0())), at(int(s.Idx0())), s.Class.Name.Name.String() + " = "})
				edits = append(edits, edit{at(int(s.Idx1())), at(int(s.Idx1())), ";"})
			}
		case *ast.FunctionDeclaration:
			if s.Function.Name != nil {
				n := s.Function.Name.Name.String()
				hoisted = append(hoisted, "globalThis."+n+" = "+n+";")
			}
		case *ast.ExpressionStatement:
			if last {
				e := s.Expression
				edits = append(edits, edit{at(int(e.Idx0())), at(int(e.Idx0())), "return ("})
				edits = append(edits, edit{at(int(e.Idx1())), at(int(e.Idx1())), ")"})
			}
		}
	}
	if len(hoisted) > 0 {
		p := len(tlaPrefix)
		edits = append(edits, edit{p, p, strings.Join(hoisted, " ")})
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].from > edits[j].from })
	out := wrapped
	for _, e := range edits {
		out = out[:e.from] + e.text + out[e.to:]
	}
	return out, true
}

// assignments turns declarators into one assignment statement.
func assignments(list []*ast.Binding, text func(ast.Node) string) string {
	parts := make([]string, 0, len(list))
	for _, b := range list {
		init := "undefined"
		if b.Initializer != nil {
			init = text(b.Initializer)
		}
		parts = append(parts, text(b.Target)+" = "+init)
	}
	return "void (" + strings.Join(parts, ", ") + ");"
}
