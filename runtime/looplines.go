package runtime

import (
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// compileAST compiles a parsed script after markEmptyLoops.
func compileAST(tree *ast.Program) (*goja.Program, error) {
	markEmptyLoops(tree)
	return goja.CompileAST(tree, false)
}

// markEmptyLoops gives each endless loop with an empty body (while (true) {}, for (;;) {},
// do {} while (true)) a test that the compiler maps to the loop's own line. goja maps no
// instruction of such a loop to a source position, so an interrupt (--timeout, Ctrl-C)
// inside it was reported at the line of the statement before the loop. The new test,
// delete this, is always true and has no effect; loops with a body or a real test are
// left alone (their instructions carry their lines).
func markEmptyLoops(tree *ast.Program) {
	if tree.File != nil && !hasEmptyLoopText(tree.File.Source()) {
		return // the walk costs as much as parsing: most scripts have no such loop
	}
	walkAST(reflect.ValueOf(tree), func(n any) {
		switch l := n.(type) {
		case *ast.WhileStatement:
			if isTrueLiteral(l.Test) && emptyBody(l.Body) {
				l.Test = alwaysTrue(l.Test.Idx0())
			}
		case *ast.DoWhileStatement:
			if isTrueLiteral(l.Test) && emptyBody(l.Body) {
				l.Test = alwaysTrue(l.Test.Idx0())
			}
		case *ast.ForStatement:
			if (l.Test == nil || isTrueLiteral(l.Test)) && l.Update == nil && emptyBody(l.Body) {
				l.Test = alwaysTrue(l.For)
			}
		}
	})
}

// hasEmptyLoopText reports whether src holds the text of a loop markEmptyLoops changes:
// while (true) {}, for (;;) {} or do {} while, with ";" for "{}". A comment inside one
// hides it, which only leaves that loop's interrupt line as it was.
func hasEmptyLoopText(src string) bool {
	for _, kw := range [...]string{"while", "for", "do"} {
		for rest := src; ; {
			i := strings.Index(rest, kw)
			if i < 0 {
				break
			}
			rest = rest[i+len(kw):]
			var ok bool
			switch kw {
			case "while":
				_, ok = emptyLoopBody(rest, "(", "true", ")")
			case "for":
				_, ok = emptyLoopBody(rest, "(", ";", ";", ")")
			case "do":
				var after string
				after, ok = emptyLoopBody(rest)
				_, ok = eatTokens(after, "while")
				ok = ok && after != rest
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// emptyLoopBody eats the tokens of a loop's head and then an empty body ("{}" or ";").
func emptyLoopBody(s string, head ...string) (string, bool) {
	s, ok := eatTokens(s, head...)
	if !ok {
		return s, false
	}
	if rest, ok := eatTokens(s, "{", "}"); ok {
		return rest, true
	}
	return eatTokens(s, ";")
}

// eatTokens eats each token from s in turn, with any white space before it.
func eatTokens(s string, tokens ...string) (string, bool) {
	for _, t := range tokens {
		s = strings.TrimLeft(s, " \t\r\n")
		if !strings.HasPrefix(s, t) {
			return s, false
		}
		s = s[len(t):]
	}
	return s, true
}

// alwaysTrue is "delete this" at idx: true, without effect, and (unlike a literal,
// which the compiler folds away) an instruction with a source position of its own.
func alwaysTrue(idx file.Idx) ast.Expression {
	return &ast.UnaryExpression{Operator: token.DELETE, Idx: idx, Operand: &ast.ThisExpression{Idx: idx}}
}

func isTrueLiteral(e ast.Expression) bool {
	b, ok := e.(*ast.BooleanLiteral)
	return ok && b.Value
}

func emptyBody(s ast.Statement) bool {
	switch b := s.(type) {
	case *ast.EmptyStatement:
		return true
	case *ast.BlockStatement:
		return len(b.List) == 0
	}
	return false
}

var astPkg = reflect.TypeOf(ast.Program{}).PkgPath()

// walkAST calls fn on every node of the goja AST below v (pointers to the ast
// package's structs, through fields, slices and interfaces).
func walkAST(v reflect.Value, fn func(any)) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			walkAST(v.Elem(), fn)
		}
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct || v.Elem().Type().PkgPath() != astPkg {
			return
		}
		fn(v.Interface())
		walkAST(v.Elem(), fn)
	case reflect.Struct:
		if v.Type().PkgPath() != astPkg {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkAST(v.Field(i), fn)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkAST(v.Index(i), fn)
		}
	}
}
