package runtime

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/token"
)

// An Eval entry that uses top-level await runs inside the async arrow of tlaPrefix.
// rewriteForREPL edits it so that it still behaves like a REPL entry — its top-level
// declarations become globals that later entries see, and the value of its last
// expression is returned — while keeping line numbers and, wherever it can, columns:
//
//	const {a} = await f()  →  0,   {a} = await f()     keyword padded to its width
//	let a = 1; a + 1       →  return 0,  a = 1, a + 1  expressions and declarations
//	                                                   ending in ";": the ";" become ",",
//	                                                   "return " goes first
//	x = 1                  →  x = 1;return 0,          a last expression on a line of its
//	(await f()).y              (await f()).y           own: "return 0," ends the line before
//	class A {}             →  A = class A {};          an assignment (";A = " at the end of
//	                                                   the line before when on a later line;
//	                                                   ";" only if the class has none)
//	function f() {}        →  kept; globalThis.f = f;  at the very start
//	let u                  →  0,  u                    and "u = undefined;" at the very start
//
// Text inserted at the very start of the entry is part of what line 1 is shifted by
// (the returned shift), so positions there are reported as written. What still moves
// columns, only for what follows on the same line: "return " before a last expression
// that shares its line with a statement that is not an expression or declaration
// ended by ";" ("if (x) {} await y", "function f() {}; await f()"), "A = " before a
// class that is not first on its line, and the ";" after a class that has none.
//
// Declarations become plain assignments: a const can be reassigned by a later entry,
// and a name declared again is overwritten instead of being a SyntaxError.

// replEdit replaces wrapped[from:to] with text; edits at the same place apply in
// the order they were made.
type replEdit struct {
	from, to int
	text     string
}

// rewriteForREPL returns the wrapped, rewritten entry and how many columns its line 1
// moved right (tlaPrefix and what was inserted before the entry's first character).
// ok is false when the wrapped entry does not have the expected shape.
func rewriteForREPL(name, code string) (src string, line1Shift int, ok bool) {
	wrapped := tlaPrefix + code + tlaSuffix
	tree, err := parser.ParseFile(nil, name, wrapped, 0)
	if err != nil || len(tree.Body) != 1 {
		return "", 0, false
	}
	es, ok := tree.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return "", 0, false
	}
	call, ok := es.Expression.(*ast.CallExpression)
	if !ok {
		return "", 0, false
	}
	arrow, ok := call.Callee.(*ast.ArrowFunctionLiteral)
	if !ok {
		return "", 0, false
	}
	body, ok := arrow.Body.(*ast.BlockStatement)
	if !ok || off(int(body.RightBrace)) != len(tlaPrefix)+len(code)+1 {
		// The entry must end where the wrapper's "}" is (goja takes an unfinished
		// regular expression on the last line up to the end of the text).
		return "", 0, false
	}
	rw := &replRewriter{src: wrapped, codeStart: len(tlaPrefix), codeEnd: len(tlaPrefix) + len(code), list: body.List}
	rw.run()
	out, shift := rw.apply()
	return out, shift, true
}

type replRewriter struct {
	src                string // the wrapped entry
	codeStart, codeEnd int    // where the entry's own text is in src
	list               []ast.Statement
	edits              []replEdit
	hoisted            []string
	chainable          []bool // statement i is (or was turned into) an expression
}

// off converts a parser position (1-based) to an offset into src.
func off(idx int) int { return idx - 1 }

func (rw *replRewriter) run() {
	rw.chainable = make([]bool, len(rw.list))
	last := len(rw.list) - 1
	for last >= 0 && isEmpty(rw.list[last]) {
		last--
	}
	var inserts []replEdit // insertions at statement starts, placed after the loop
	for i, st := range rw.list {
		switch s := st.(type) {
		case *ast.VariableStatement:
			rw.chainable[i] = rw.declaration(s.Idx0(), s.Idx1(), "var", s.List)
		case *ast.LexicalDeclaration:
			kw := "let"
			if s.Token == token.CONST {
				kw = "const"
			}
			rw.chainable[i] = rw.declaration(s.Idx0(), s.Idx1(), kw, s.List)
		case *ast.ExpressionStatement:
			rw.chainable[i] = true
		case *ast.ClassDeclaration:
			if s.Class.Name != nil {
				n := s.Class.Name.Name.String()
				inserts = append(inserts, rw.before(i, n+" = ", false))
				if end := off(int(s.Idx1())); !strings.HasPrefix(strings.TrimLeft(rw.src[end:], " \t"), ";") {
					rw.edits = append(rw.edits, replEdit{end, end, ";"})
				}
			}
		case *ast.FunctionDeclaration:
			if s.Function.Name != nil {
				n := s.Function.Name.Name.String()
				rw.hoisted = append(rw.hoisted, "globalThis."+n+" = "+n+";")
			}
		}
	}
	if last >= 0 {
		if _, isExpr := rw.list[last].(*ast.ExpressionStatement); isExpr {
			// The chain of statements before it that can join it in one expression
			// (an empty statement is the ";" of the one before it).
			head := last
			for {
				p := head - 1
				for p >= 0 && isEmpty(rw.list[p]) {
					p--
				}
				if p < 0 || !rw.chainable[p] {
					break
				}
				semi, ok := rw.separator(p, head)
				if !ok {
					break
				}
				rw.edits = append(rw.edits, replEdit{semi, semi + 1, ","})
				head = p
			}
			inserts = append(inserts, rw.before(head, "return ", true))
		}
	}
	rw.edits = append(rw.edits, inserts...)
}

// declaration pads the keyword of a declaration at idx0 to "0," and spaces (an
// expression of the same width, so the declarators become assignments to globals),
// and makes names declared without a value exist. It reports whether that
// worked; if the keyword is not where expected, the statement is replaced by the
// assignments, which moves columns.
func (rw *replRewriter) declaration(idx0, idx1 file.Idx, kw string, list []*ast.Binding) bool {
	from, to := off(int(idx0)), off(int(idx1))
	if from < rw.codeStart || to > rw.codeEnd || from >= to || !strings.HasPrefix(rw.src[from:], kw) {
		if from >= rw.codeStart && to <= rw.codeEnd && from < to {
			rw.edits = append(rw.edits, replEdit{from, to, assignments(list, func(n ast.Node) string {
				return rw.src[off(int(n.Idx0())):off(int(n.Idx1()))]
			})})
		}
		return false
	}
	rw.edits = append(rw.edits, replEdit{from, from + len(kw), "0," + strings.Repeat(" ", len(kw)-2)})
	for _, b := range list {
		if b.Initializer != nil {
			continue
		}
		// "let u" leaves u in the expression: it is made to exist at the very start
		// (a var keeps the value it has).
		if id, ok := b.Target.(*ast.Identifier); ok {
			n := id.Name.String()
			if kw == "var" {
				rw.hoisted = append(rw.hoisted, "if (!("+strconv.Quote(n)+" in globalThis)) globalThis."+n+" = undefined;")
			} else {
				rw.hoisted = append(rw.hoisted, n+" = undefined;")
			}
			continue
		}
		p := off(int(b.Target.Idx1()))
		rw.edits = append(rw.edits, replEdit{p, p, " = undefined"})
	}
	return true
}

// gap returns where the text between statement i-1 (or the entry's start) and
// statement i begins and ends: anchor is just after the previous statement's last
// character (its ";" or ")" included), start is statement i's first character (an
// opening parenthesis the parser does not count in the statement).
func (rw *replRewriter) gap(i int) (anchor, start int) {
	anchor = rw.codeStart
	if i > 0 {
		if e := off(int(rw.list[i-1].Idx1())); e > anchor && e <= rw.codeEnd {
			anchor = e
		}
	}
	end := rw.exprStart(i)
	if end < anchor {
		return anchor, anchor
	}
	start = -1
	from := anchor
	for p := from; p < end; {
		switch c := rw.src[p]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p++
		case strings.HasPrefix(rw.src[p:], "//"):
			p = skipLineComment(rw.src, p, end)
		case strings.HasPrefix(rw.src[p:], "/*"):
			p = skipBlockComment(rw.src, p, end)
		case c == '(':
			if start < 0 {
				start = p
			}
			p++
		default:
			p++
			anchor, start = p, -1
		}
	}
	if start < 0 {
		start = end
	}
	return anchor, start
}

// exprStart is where the parser says statement i starts (for an expression statement,
// its expression, which may sit inside parentheses).
func (rw *replRewriter) exprStart(i int) int {
	idx := rw.list[i].Idx0()
	if es, ok := rw.list[i].(*ast.ExpressionStatement); ok {
		idx = leftmost(es.Expression)
	}
	p := off(int(idx))
	if p < rw.codeStart || p > rw.codeEnd {
		return rw.codeStart
	}
	return p
}

// leftmost is where expression e starts. goja's Idx0 says the same except for a
// tagged template (it gives the template's quote, not the tag), also when the
// template is the leftmost part of a longer expression.
func leftmost(e ast.Expression) file.Idx {
	for {
		switch x := e.(type) {
		case *ast.TemplateLiteral:
			if x.Tag == nil {
				return x.Idx0()
			}
			e = x.Tag
		case *ast.AssignExpression:
			e = x.Left
		case *ast.BinaryExpression:
			e = x.Left
		case *ast.BracketExpression:
			e = x.Left
		case *ast.CallExpression:
			e = x.Callee
		case *ast.ConditionalExpression:
			e = x.Test
		case *ast.DotExpression:
			e = x.Left
		case *ast.PrivateDotExpression:
			e = x.Left
		case *ast.SequenceExpression:
			if len(x.Sequence) == 0 {
				return x.Idx0()
			}
			e = x.Sequence[0]
		case *ast.UnaryExpression:
			if !x.Postfix {
				return x.Idx0()
			}
			e = x.Operand
		case *ast.OptionalChain:
			e = x.Expression
		case *ast.Optional:
			e = x.Expression
		default:
			return e.Idx0()
		}
	}
}

// separator finds the one ";" between statements i and j > i, when only that
// (besides closing or opening parentheses, white space and comments) separates them,
// so that it can become a comma. Statements ended by a line break without ";" are
// not joined.
func (rw *replRewriter) separator(i, j int) (semi int, ok bool) {
	from := off(int(rw.list[i].Idx1()))
	_, to := rw.gap(j)
	if from < rw.codeStart || from > to {
		return 0, false
	}
	semi = -1
	for p := from; p < to; {
		switch c := rw.src[p]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')':
			p++
		case c == ';':
			if semi >= 0 {
				return 0, false
			}
			semi = p
			p++
		case strings.HasPrefix(rw.src[p:], "//"):
			p = skipLineComment(rw.src, p, to)
		case strings.HasPrefix(rw.src[p:], "/*"):
			p = skipBlockComment(rw.src, p, to)
		default:
			return 0, false
		}
	}
	return semi, semi >= 0
}

// before places text in front of statement i. On the entry's first line before
// anything else it goes at the very start (inside line 1's shift); when statement i
// starts a later line, it goes at the end of the code before it, after a ";" (a
// return as "return 0," so that the line break does not end it); otherwise it goes
// right before the statement, moving the rest of the line.
func (rw *replRewriter) before(i int, text string, isReturn bool) replEdit {
	anchor, start := rw.gap(i)
	if !strings.ContainsAny(rw.src[anchor:start], "\n\r") {
		if anchor == rw.codeStart {
			return replEdit{anchor, anchor, text}
		}
		return replEdit{start, start, text}
	}
	if isReturn {
		text = "return 0,"
	}
	return replEdit{anchor, anchor, ";" + text}
}

// apply makes the edits and returns the result and line 1's shift.
func (rw *replRewriter) apply() (string, int) {
	edits := rw.edits
	if len(rw.hoisted) > 0 {
		edits = append([]replEdit{{rw.codeStart, rw.codeStart, strings.Join(rw.hoisted, " ")}}, edits...)
	}
	// By place; at one place insertions go before a replacement starting there.
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].from != edits[j].from {
			return edits[i].from < edits[j].from
		}
		return edits[i].to == edits[i].from && edits[j].to != edits[j].from
	})
	var b strings.Builder
	shift := len(tlaPrefix)
	last := 0
	for _, e := range edits {
		if e.from < last {
			continue // overlapping edits cannot happen; keep the text valid if they do
		}
		b.WriteString(rw.src[last:e.from])
		b.WriteString(e.text)
		if e.from == rw.codeStart && e.to == e.from {
			shift += len(e.text)
		}
		last = e.to
	}
	b.WriteString(rw.src[last:])
	return b.String(), shift
}

func skipLineComment(s string, p, end int) int {
	for p < end && s[p] != '\n' && s[p] != '\r' {
		p++
	}
	return p
}

func skipBlockComment(s string, p, end int) int {
	if p+2 > end {
		return end
	}
	if i := strings.Index(s[p+2:end], "*/"); i >= 0 {
		return p + 2 + i + 2
	}
	return end
}

// assignments turns declarators into one assignment statement (the fallback when a
// declaration's keyword is not where the parser says it starts).
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

func isEmpty(st ast.Statement) bool {
	_, ok := st.(*ast.EmptyStatement)
	return ok
}
