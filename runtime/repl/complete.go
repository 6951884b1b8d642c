package repl

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/dkscript/dkscript/daktela/catalog"
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// APIModels are the Daktela models a request can be built for, as the PHP connector
// names them (the API endpoint is the name with a lower-case first letter): the
// endpoints of the model catalogue (package daktela/catalog). They are what Tab offers
// inside buildReadRequest("..."), with Config.Models added.
var APIModels = catalog.Endpoints()

// jsKeywords are offered with the globals when a bare word is completed.
var jsKeywords = []string{
	"async", "await", "break", "case", "catch", "class", "const", "continue", "delete", "do",
	"else", "false", "finally", "for", "function", "if", "in", "instanceof", "let", "new",
	"null", "return", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
}

// modelArg matches the model argument being typed in a call of a request builder
// (buildReadRequest, buildReadSingleRequest, ... buildDeleteRequest) or a request
// class's constructor.
var modelArg = regexp.MustCompile(`(?:build\w*Request|new\s+(?:daktela\.)?(?:Read|Create|Update|Delete)Request)\(\s*(["'` + "`" + `])([A-Za-z0-9_]*)$`)

// completer completes REPL input against a runtime's VM.
type completer struct {
	models   []string        // model names, the PHP connector's spelling
	declared map[string]bool // let/const/class names declared at the prompt
}

func newCompleter(extraModels []string) *completer {
	seen := map[string]bool{}
	var ms []string
	for _, m := range append(append([]string(nil), APIModels...), extraModels...) {
		m = upperFirst(strings.TrimSpace(m))
		if m != "" && !seen[strings.ToLower(m)] {
			seen[strings.ToLower(m)] = true
			ms = append(ms, m)
		}
	}
	sort.Strings(ms)
	return &completer{models: ms, declared: map[string]bool{}}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// complete returns liner's word completion for line with the cursor at pos (in
// runes): the text before the completed word, the candidates (whole words), and the
// text after the cursor. It reads properties through vm and must run on the runtime's
// goroutine (inside Runtime.Do).
func (c *completer) complete(vm *goja.Runtime, line string, pos int) (head string, completions []string, tail string) {
	runes := []rune(line)
	if pos < 0 || pos > len(runes) {
		pos = len(runes)
	}
	before, tail := string(runes[:pos]), string(runes[pos:])

	if strings.HasPrefix(before, ".") && !strings.ContainsAny(before, " \t") {
		for _, cmd := range commandNames() {
			if strings.HasPrefix(cmd, before[1:]) {
				completions = append(completions, "."+cmd)
			}
		}
		if len(completions) == 1 {
			completions[0] += " "
		}
		return "", completions, tail
	}

	if m := modelArg.FindStringSubmatch(before); m != nil {
		quote, word := m[1], m[2]
		for _, name := range c.models {
			if strings.HasPrefix(strings.ToLower(name), strings.ToLower(word)) {
				completions = append(completions, name)
			}
		}
		if len(completions) == 1 && !strings.HasPrefix(tail, quote) {
			completions[0] += quote
		}
		return before[:len(before)-len(word)], completions, tail
	}

	if head, comps, ok := completeRelation(before, tail); ok {
		return head, comps, tail
	}
	if head, comps, ok := c.completeField(vm, before, tail); ok {
		return head, comps, tail
	}

	if inString(before) {
		return before, nil, tail
	}
	chain, partial, ok := trailingChain(before)
	if !ok {
		return before, nil, tail
	}
	head = before[:len(before)-len(partial)]

	var names []string
	var target *goja.Object
	if len(chain) == 0 {
		target = vm.GlobalObject()
		names = append(names, jsKeywords...)
		for n := range c.declared {
			names = append(names, n)
		}
	} else {
		target = resolveChain(vm, chain)
		if target == nil {
			return head, nil, tail
		}
	}
	names = append(names, propertyNames(vm, target, partial != "")...)

	seen := map[string]bool{}
	for _, n := range names {
		if strings.HasPrefix(n, partial) && !seen[n] {
			seen[n] = true
			completions = append(completions, n)
		}
	}
	sort.Strings(completions)
	if len(completions) == 1 {
		if _, isFn := goja.AssertFunction(safeGet(vm, target, completions[0], chain)); isFn {
			completions[0] += "("
		}
	}
	return head, completions, tail
}

// trailingChain splits the property chain that ends before: "daktela.buildRe" gives
// chain [daktela] and partial "buildRe"; "re" gives no chain and "re". ok is false
// when the text before the cursor does not end in a chain of identifiers (a number,
// a call's result, an operator).
func trailingChain(before string) (chain []string, partial string, ok bool) {
	i := len(before)
	for i > 0 {
		r := rune(before[i-1])
		if r == '.' || r == '$' || r == '_' || r >= 0x80 || unicode.IsLetter(r) || unicode.IsDigit(r) {
			i--
			continue
		}
		break
	}
	expr := before[i:]
	if i > 0 && (before[i-1] == ')' || before[i-1] == ']') {
		return nil, "", false // a call or index: completing it would mean running it
	}
	parts := strings.Split(expr, ".")
	partial = parts[len(parts)-1]
	chain = parts[:len(parts)-1]
	for _, p := range chain {
		if !isIdentifier(p) {
			return nil, "", false
		}
	}
	if partial != "" && !isIdentifier(partial) {
		return nil, "", false
	}
	return chain, partial, true
}

// isIdentifier reports whether s is a plain JavaScript identifier.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '$' || r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r) {
			continue
		}
		return false
	}
	return true
}

// inString reports whether the end of s is inside a string or template literal (a
// quick scan; completion is not offered there).
func inString(s string) bool {
	var quote rune
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && quote != 0:
			escaped = true
		case quote != 0 && r == quote:
			quote = 0
		case quote == 0 && (r == '"' || r == '\'' || r == '`'):
			quote = r
		}
	}
	return quote != 0
}

// resolveChain looks up a.b.c from the global scope (let/const bindings included),
// without calling anything but property getters; nil when a link is missing or not
// an object. Primitives are boxed so that "s.len<Tab>" on a string works.
func resolveChain(vm *goja.Runtime, chain []string) *goja.Object {
	var v goja.Value
	ok := tryJS(vm, func() { v = vm.Get(chain[0]) })
	for _, p := range chain[1:] {
		if !ok || v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return nil
		}
		o := v.ToObject(vm)
		ok = tryJS(vm, func() { v = o.Get(p) })
	}
	if !ok || v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	var o *goja.Object
	if !tryJS(vm, func() { o = v.ToObject(vm) }) {
		return nil
	}
	return o
}

// safeGet reads o[name], nil when the getter throws.
func safeGet(vm *goja.Runtime, o *goja.Object, name string, chain []string) goja.Value {
	var v goja.Value
	if len(chain) == 0 {
		tryJS(vm, func() { v = vm.Get(name) })
	} else {
		tryJS(vm, func() { v = o.Get(name) })
	}
	return v
}

// tryJS runs f, reporting false if it threw (a JavaScript exception or a Go panic
// from a native getter).
func tryJS(vm *goja.Runtime, f func()) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if vm == nil {
		f()
		return true
	}
	return vm.Try(f) == nil
}

// propertyNames lists the identifier-like property names of o and its prototypes
// ("constructor" left out). The members every object or function has (from
// Object.prototype and Function.prototype) are included only when withBase is set,
// i.e. once the user has typed part of a name.
func propertyNames(vm *goja.Runtime, o *goja.Object, withBase bool) []string {
	var base []*goja.Object
	for _, name := range []string{"Object", "Function"} {
		if c, ok := vm.GlobalObject().Get(name).(*goja.Object); ok {
			if p, ok := c.Get("prototype").(*goja.Object); ok {
				base = append(base, p)
			}
		}
	}
	isBase := func(p *goja.Object) bool {
		for _, b := range base {
			if b.SameAs(p) {
				return true
			}
		}
		return false
	}
	var names []string
	for depth := 0; o != nil && depth < 32; depth++ {
		if withBase || !isBase(o) {
			var own []string
			tryJS(vm, func() { own = o.GetOwnPropertyNames() })
			for _, n := range own {
				if n != "constructor" && isIdentifier(n) {
					names = append(names, n)
				}
			}
		}
		var next *goja.Object
		tryJS(vm, func() { next = o.Prototype() })
		o = next
	}
	return names
}

// declaredNames returns the names an entry declares at its top level (var, let,
// const, function, class), so that bindings that are not properties of the global
// object (let, const, class) can still be completed.
func declaredNames(src string) []string {
	prog, err := parser.ParseFile(nil, "", src, 0)
	var body []ast.Statement
	if err == nil {
		body = prog.Body
	} else {
		prog, err = parser.ParseFile(nil, "", "(async () => {"+src+"\n})", 0)
		if err != nil || len(prog.Body) != 1 {
			return nil
		}
		es, ok := prog.Body[0].(*ast.ExpressionStatement)
		if !ok {
			return nil
		}
		arrow, ok := es.Expression.(*ast.ArrowFunctionLiteral)
		if !ok {
			return nil
		}
		block, ok := arrow.Body.(*ast.BlockStatement)
		if !ok {
			return nil
		}
		body = block.List
	}
	var names []string
	addTargets := func(list []*ast.Binding) {
		for _, b := range list {
			if id, ok := b.Target.(*ast.Identifier); ok {
				names = append(names, id.Name.String())
			}
		}
	}
	for _, st := range body {
		switch s := st.(type) {
		case *ast.VariableStatement:
			addTargets(s.List)
		case *ast.LexicalDeclaration:
			addTargets(s.List)
		case *ast.FunctionDeclaration:
			if s.Function.Name != nil {
				names = append(names, s.Function.Name.Name.String())
			}
		case *ast.ClassDeclaration:
			if s.Class.Name != nil {
				names = append(names, s.Class.Name.Name.String())
			}
		}
	}
	return names
}
