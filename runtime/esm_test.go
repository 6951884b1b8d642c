package runtime_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dkscript/dkscript/runtime"
)

// An embedder's ModuleFS holds TypeScript and ES modules: each file is transformed as
// it is loaded from there, imports with and without extensions resolve inside it, and
// an error names the line and column in the .ts file.
func TestModuleFSTypeScript(t *testing.T) {
	fsys := fstest.MapFS{
		"main.ts":       {Data: []byte("import { half } from \"./lib/math\";\nimport data from \"./lib/data.json\";\nconst n: number = half(data.n);\nconsole.log(n);\nhalf(-1);\n")},
		"lib/math.ts":   {Data: []byte("export function half(x: number): number {\n  if (x < 0) {\n    throw new RangeError(`negative: ${x}`);\n  }\n  return x / 2;\n}\n")},
		"lib/data.json": {Data: []byte(`{"n": 84}`)},
	}
	rt, out, _ := newRT(t, runtime.Options{ModuleFS: fsys})
	err := rt.RunFile(context.Background(), "main.ts")
	if got := strings.TrimSpace(out.String()); got != "42" {
		t.Errorf("stdout %q, want 42", got)
	}
	var se *runtime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a ScriptError", err)
	}
	// goja puts a throw at the expression thrown ("new"), in a .js file too.
	if col := strings.Index("    throw new RangeError", "new") + 1; se.File != "lib/math.ts" || se.Line != 3 || se.Column != col || !strings.Contains(se.SourceLine, "throw new RangeError") {
		t.Errorf("error at %s:%d:%d %q, want lib/math.ts:3:%d on the thrown expression, where goja puts it in .js too", se.File, se.Line, se.Column, se.SourceLine, col)
	}
	if len(se.Stack) < 2 || se.Stack[1].File != "main.ts" || se.Stack[1].Line != 5 {
		t.Errorf("stack %+v, want main.ts:5 as the caller", se.Stack)
	}
}

// A plain CommonJS script is run as it is: its positions are its own, and nothing
// names esbuild's output.
func TestPlainScriptNotTransformed(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	err := rt.RunString(context.Background(), "plain.js", "const a = 1;\n  null.x;\n")
	var se *runtime.ScriptError
	if !errors.As(err, &se) || se.File != "plain.js" || se.Line != 2 || se.Column != 8 {
		t.Fatalf("err = %#v, want plain.js:2:8", err)
	}
}

// Eval (the REPL and dkscript eval) takes import lines and TypeScript annotations.
func TestEvalImportAndTypes(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	ctx := context.Background()
	steps := [][2]string{
		{`import { buildReadRequest } from "daktela"`, "undefined"},
		{`typeof buildReadRequest`, "'function'"},
		{`import { buildReadRequest } from "daktela"`, "undefined"}, // again, as a REPL user may
		{`const n: number = 41`, "undefined"},
		{`n + 1`, "42"},
		{`await Promise.resolve(7 as number)`, "7"},
	}
	for _, s := range steps {
		v, err := rt.Eval(ctx, s[0])
		if err != nil {
			t.Fatalf("Eval(%q): %v", s[0], err)
		}
		if got := rt.Inspect(v); got != s[1] {
			t.Errorf("Eval(%q) = %s, want %s", s[0], got, s[1])
		}
	}
}
