package runtime_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// evalSteps runs entries one after another in a fresh runtime where x is a promise of
// { y: 42, b: 7 }, checking each inspected result.
func evalSteps(t *testing.T, steps ...[2]string) {
	t.Helper()
	rt, _, _ := newRT(t, runtime.Options{})
	ctx := context.Background()
	if _, err := rt.Eval(ctx, "globalThis.x = Promise.resolve({ y: 42, b: 7 }); undefined"); err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		v, err := rt.Eval(ctx, s[0])
		if err != nil {
			t.Errorf("Eval(%q): %v", s[0], err)
			return
		}
		if got := rt.Inspect(v); got != s[1] {
			t.Errorf("Eval(%q) = %s, want %s", s[0], got, s[1])
		}
	}
}

func TestEvalTopLevelAwaitShapes(t *testing.T) {
	const obj = "{ y: 42, b: 7 }"
	cases := []struct {
		name  string
		steps [][2]string
	}{
		{"parenthesised await then member", [][2]string{{"(await x).y", "42"}}},
		{"bare await", [][2]string{{"await x", obj}}},
		{"await in parentheses", [][2]string{{"(await x)", obj}}},
		{"double parentheses", [][2]string{{"((await x)).y", "42"}}},
		{"await on the right of an operator", [][2]string{{"(1) + (await x).y", "43"}}},
		{"const then its name", [][2]string{{"const a = await x; a", obj}, {"a.y", "42"}}},
		{"destructuring let", [][2]string{{"let {b} = await x", "undefined"}, {"b", "7"}}},
		{"destructuring const with a value after", [][2]string{{"const { y, b: bee } = await x; y + bee", "49"}, {"bee", "7"}}},
		{"several declarators, one without a value", [][2]string{{"let u, w = (await x).b; [u, w]", "[ undefined, 7 ]"}, {"w", "7"}}},
		{"var", [][2]string{{"var v = (await x).y", "undefined"}, {"v", "42"}}},
		{"multi-line entry", [][2]string{{"const a = await x;\nconst c = a.y + 1\nc * 2", "86"}, {"c", "43"}}},
		{"last expression on its own line", [][2]string{{"const a = await x;\n(a).y", "42"}}},
		{"last expression after a line comment", [][2]string{{"const a = await x // the record )\n;(a).b", "7"}}},
		{"compound assignment", [][2]string{{"let n = 1; n += await Promise.resolve(2); n", "3"}}},
		{"sequence", [][2]string{{"await 1, await 2", "2"}}},
		{"trailing empty statements", [][2]string{{"(await x).b;;", "7"}}},
		{"arrow function declared and called", [][2]string{{"const g = v => v * 2; g(await Promise.resolve(21))", "42"}, {"g(1)", "2"}}},
		{"comment containing await", [][2]string{{"// await x in a comment\n(await x).y", "42"}}},
		{"block comments around", [][2]string{{"/* await ( */ (await x).y /* ) */", "42"}}},
		{"trailing line comment with a parenthesis", [][2]string{{"(await x).y // )", "42"}}},
		{"string containing await", [][2]string{{`"await"; (await x).y`, "42"}}},
		{"string with separators", [][2]string{{"'a;wait ) (' + (await x).y", "'a;wait ) (42'"}}},
		{"await only inside a string", [][2]string{{"'await' + 1", "'await1'"}}},
		{"await only in a comment", [][2]string{{"1 // await", "1"}}},
		{"statement after a block on the same line", [][2]string{{"if (true) {} (await x).y", "42"}}},
		{"class then use", [][2]string{{"class A { v() { return 1 } }; const inst = new A(); await null; inst.v()", "1"}, {"new A().v() + inst.v()", "2"}}},
		{"class on a later line", [][2]string{{"await null\nclass B { v() { return 2 } }\nnew B().v()", "2"}, {"new B().v()", "2"}}},
		{"function hoisted", [][2]string{{"function f() { return 5 }\nawait null\nf()", "5"}, {"f()", "5"}}},
		{"object literal with await", [][2]string{{"{ a: await Promise.resolve(1) }", "{ a: 1 }"}}},
		{"leading blank lines", [][2]string{{"\n\n  (await x).y", "42"}}},
		{"declared without a value", [][2]string{{"let u; await null; u", "undefined"}, {"var k = 1", "undefined"}, {"var k; await null; k", "1"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { evalSteps(t, c.steps...) })
	}
}

// TestEvalAwaitKeepsColumns compares where an error is reported for an entry that
// needs the top-level await rewrite with where it is reported for the same text with
// each "await" blanked out (a plain script with the same layout, not rewritten).
func TestEvalAwaitKeepsColumns(t *testing.T) {
	const (
		all   = iota // every frame keeps its line and column
		throw        // the throw keeps its position; a caller's column moves
		line         // only lines are kept (see evalrewrite.go for when)
	)
	cases := []struct {
		src  string
		kept int
	}{
		{"const a = await x; a.nope.z", all},
		{"let {b} = await x; b.nope.z", all},
		{"const a = await x, c = 1; a.nope.z", all},
		{"(await x).nope.z", all},
		{"await x; null.boom", all},
		{"  await x;   null.boom", all},
		{"const a = await x\nconst c = 1\n  c.nope.z", all},
		{"await x;\n/* c */ (null).boom // (\n", all},
		{"function f() { return null.boom }\nawait x\nf()", all},
		{"class A { m() { return null.boom } }\nawait x; new A().m()", all},
		{"await x\nclass A { m() { return null.boom } }\nnew A().m()", all},
		{"await x; let u; null.boom", all},
		{"const a = await x // c )\n;(a).nope.z", all},
		{"const a = await x;\nconst c = 1;\n\tc.nope.z", all},
		{"let a = 1;\nfunction f() { return a.nope.z }\nawait x; f()", all},
		{"{ a: await x, b: null.boom }", all},
		{"const rows = await x\nconsole.log(\n  rows.nope.z\n)", all},
		{"function f() { return null.boom }; await x; f()", throw},
		{"class A { m() { return null.boom } }; await x; new A().m()", throw},
		{"if (true) {} await x; null.boom", line},
	}
	blank := regexp.MustCompile(`\bawait\b`)
	for _, c := range cases {
		wrapped := position(t, c.src)
		plain := position(t, blank.ReplaceAllString(c.src, "     "))
		if wrapped.File == "" || plain.File == "" || wrapped.Line != plain.Line {
			t.Errorf("%q: error at %s:%d, the same text without await at %s:%d", c.src, wrapped.File, wrapped.Line, plain.File, plain.Line)
			continue
		}
		if want := strings.Split(c.src, "\n")[wrapped.Line-1]; wrapped.SourceLine != want {
			t.Errorf("%q: source line %q, want %q", c.src, wrapped.SourceLine, want)
		}
		if c.kept <= throw && wrapped.Column != plain.Column {
			t.Errorf("%q: error at %d:%d, the same text without await at %d:%d", c.src, wrapped.Line, wrapped.Column, plain.Line, plain.Column)
		}
		if c.kept == all && !equalFrames(wrapped.Stack, plain.Stack) {
			t.Errorf("%q: stack %v, the same text without await %v", c.src, wrapped.Stack, plain.Stack)
		}
	}
}

// position evaluates src in a fresh runtime (x is a promise of an object) and returns
// its error.
func position(t *testing.T, src string) *runtime.ScriptError {
	t.Helper()
	rt, _, _ := newRT(t, runtime.Options{})
	ctx := context.Background()
	if _, err := rt.EvalNamed(ctx, "setup", "globalThis.x = Promise.resolve({ y: 42 }); undefined"); err != nil {
		t.Fatal(err)
	}
	_, err := rt.Eval(ctx, src)
	var se *runtime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("Eval(%q): %v, want a script error", src, err)
	}
	return se
}

func equalFrames(a, b []runtime.Frame) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEvalExitZeroIsExitError(t *testing.T) {
	for _, c := range []struct {
		src  string
		code int
	}{
		{"process.exit(0)", 0},
		{"process.exit()", 0},
		{"await null; process.exit(0)", 0},
		{"setTimeout(() => process.exit(), 1); 'started'", 0},
		{"Promise.resolve().then(() => process.exit(0))", 0},
		{"process.exit(3)", 3},
		{"process.exitCode = 4; process.exit()", 4},
	} {
		rt, _, _ := newRT(t, runtime.Options{})
		v, err := rt.Eval(context.Background(), c.src)
		var ee *runtime.ExitError
		if !errors.As(err, &ee) || ee.Code != c.code || v != nil {
			t.Errorf("Eval(%q) = %v, %v; want an ExitError with code %d", c.src, v, err, c.code)
		}
		// The runtime is usable afterwards, and RunString still treats exit 0 as success.
		if v, err := rt.Eval(context.Background(), "1 + 1"); err != nil || v.ToInteger() != 2 {
			t.Errorf("after %q: %v, %v", c.src, v, err)
		}
	}
	rt, _, _ := newRT(t, runtime.Options{})
	if err := rt.RunString(context.Background(), "x.js", "process.exit(0)"); err != nil {
		t.Errorf("RunString with process.exit(0): %v, want nil", err)
	}
}

func TestEvalNamed(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	ctx := context.Background()
	_, err := rt.EvalNamed(ctx, "lib/helpers.js", "const base = await Promise.resolve(40)\nfunction add(n) { return base + n }\nnull.boom")
	var se *runtime.ScriptError
	if !errors.As(err, &se) || se.File != "lib/helpers.js" || se.Line != 3 || se.Column != 6 {
		t.Fatalf("EvalNamed error: %v", err)
	}
	if !strings.HasPrefix(err.Error(), "lib/helpers.js:3:6\n") {
		t.Errorf("report does not start with the file's position: %q", err)
	}
	// Its declarations stay, and a later throw inside its function names the file.
	if v, err := rt.Eval(ctx, "add(2)"); err != nil || v.ToInteger() != 42 {
		t.Errorf("add(2) = %v, %v", v, err)
	}
	_, err = rt.Eval(ctx, "add(null.x)")
	if !errors.As(err, &se) || se.File != "REPL2" {
		t.Errorf("the first Evals after EvalNamed are REPL1, REPL2: %v", err)
	}
	_, err = rt.EvalNamed(ctx, "lib/helpers.js", "function fail() { throw new Error('in file') }\nawait null\nfail()")
	if !errors.As(err, &se) || len(se.Stack) < 2 || se.Stack[0].File != "lib/helpers.js" || se.Stack[0].Line != 1 || se.Stack[1].Line != 3 {
		t.Errorf("stack of a named entry: %v", err)
	}
	// An empty name is Eval's numbering.
	_, err = rt.EvalNamed(ctx, "", "null.x")
	if !errors.As(err, &se) || se.File != "REPL3" {
		t.Errorf("EvalNamed with no name: %v", err)
	}
}

// getCounter counts the reads of a Go-backed record.
type getCounter struct{ gets *int }

func (g getCounter) Get(key string) goja.Value {
	*g.gets++
	return goja.Undefined()
}
func (g getCounter) Set(string, goja.Value) bool { return false }
func (g getCounter) Has(string) bool             { return false }
func (g getCounter) Delete(string) bool          { return false }
func (g getCounter) Keys() []string              { return []string{"id"} }

func TestEvalDoesNotExportResults(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	ctx := context.Background()
	gets := 0
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		recs := make([]any, 1000)
		for i := range recs {
			recs[i] = vm.NewDynamicObject(getCounter{&gets})
		}
		return vm.Set("records", vm.NewArray(recs...))
	})
	if err != nil {
		t.Fatal(err)
	}
	// A result whose getter throws is returned, not an error.
	v, err := rt.Eval(ctx, "({ ok: 1, get boom() { throw new Error('getter ran') } })")
	if err != nil {
		t.Fatalf("object with a throwing getter: %v", err)
	}
	if o, ok := v.(*goja.Object); !ok || o.Get("ok").ToInteger() != 1 {
		t.Errorf("got %v", v)
	}
	// 1000 records with counting getters, as a plain array and as Go-backed records,
	// come back without a single read; so do awaited ones.
	for _, src := range []string{
		"var reads = 0; globalThis.rows = Array.from({ length: 1000 }, (_, i) => ({ get id() { reads++; return i } })); rows",
		"rows",
		"await Promise.resolve(rows)",
		"({ data: rows, more: records })",
		"records",
	} {
		v, err := rt.Eval(ctx, src)
		if err != nil {
			t.Fatalf("Eval(%q): %v", src, err)
		}
		if o, ok := v.(*goja.Object); !ok || o.ClassName() == "Promise" {
			t.Errorf("Eval(%q) = %v", src, v)
		}
	}
	if v, err := rt.Eval(ctx, "reads"); err != nil || v.ToInteger() != 0 {
		t.Errorf("getters of the result ran %v times (%v)", v, err)
	}
	if gets != 0 {
		t.Errorf("Go-backed records were read %d times", gets)
	}
}

// BenchmarkEvalLargeResult: an entry whose value is a 1000-record page. "eval" is what
// Eval costs now; "export" is the copy Eval used to make of every object result to see
// whether it was a promise.
func BenchmarkEvalLargeResult(b *testing.B) {
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	ctx := context.Background()
	if _, err := rt.Eval(ctx, `globalThis.rows = Array.from({ length: 1000 }, (_, i) => ({
		id: i, name: "user" + i, title: "User " + i, email: "u" + i + "@example.com", queue: { name: "q" + (i % 7) },
		created: "2026-01-01 00:00:00", edited: "2026-01-02 00:00:00", status: "open", stage: "OPEN", tags: ["a", "b"],
	})); undefined`); err != nil {
		b.Fatal(err)
	}
	b.Run("eval", func(b *testing.B) {
		for b.Loop() {
			if _, err := rt.Eval(ctx, "rows"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("export", func(b *testing.B) {
		for b.Loop() {
			_ = rt.Do(ctx, func(vm *goja.Runtime) error {
				vm.Get("rows").(*goja.Object).Export()
				return nil
			})
		}
	})
}
