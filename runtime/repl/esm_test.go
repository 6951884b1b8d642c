package repl

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The REPL takes import lines (default, named and namespace imports of daktela, fs,
// node: modules and local files) and TypeScript annotations, and reports an entry's
// errors at the line and column the entry has as typed: a piped REPL process.
func TestPipedSessionImportsAndTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a REPL process")
	}
	cmd, home := helperCommand(t, false)
	must(t, os.WriteFile(filepath.Join(home, "lib.ts"), []byte("export function twice(n: number): number {\n  return n * 2\n}\nexport default { name: \"lib\" }\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(home, "data.txt"), []byte("from a file"), 0o644))
	must(t, os.WriteFile(filepath.Join(home, "tla.mjs"), []byte("export const v = await Promise.resolve(1)\n"), 0o644))
	entries := []string{
		`import daktela from "daktela"`,
		`typeof daktela.buildReadRequest`,
		`import { buildReadRequest } from "daktela"`,
		`buildReadRequest("Users").getModel()`,
		`import * as dk from "daktela"`,
		`typeof dk.default.client`,
		`import { readFileSync } from "node:fs"`,
		`readFileSync("data.txt", "utf8")`,
		`import * as fs from "fs"`,
		`fs.existsSync("lib.ts")`,
		`import { twice } from "./lib.ts"`,
		`twice(21)`,
		`import lib, { twice as t2 } from "./lib"`,
		`lib.name + t2(1)`,
		`const n: number = 41`,
		`n + 1`,
		`interface P { x: number }`,
		`const p: P = { x: 5 }; p.x`,
		`let s: string =`,
		`  "multi"; s`,
		`const m: number = 2; m.a.b`,
		`const q: number = ;`,
		`function f(a: { b?: { c: number } }): number {`,
		`  return a.b.c`,
		`}`,
		`f({})`,
		`import { v } from "./tla.mjs"`,
	}
	out, errOut, err := runPiped(t, cmd, strings.Join(entries, "\n")+"\n")
	t.Logf("stdout:\n%s\nstderr:\n%s", out, errOut)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit: %v, want code 1 (four entries failed)", err)
	}
	want := []string{
		"undefined", "'function'",
		"undefined", "'Users'",
		"undefined", "'function'",
		"undefined", "'from a file'",
		"undefined", "true",
		"undefined", "42",
		"undefined", "'lib2'",
		"undefined", "42",
		"undefined", "5",
		"'multi'",
		"undefined",
	}
	if got := strings.Join(lines(out), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	stderr := errOut
	// Each error names the entry, the line and column as typed, and shows that line.
	line21 := `const m: number = 2; m.a.b`
	// goja reports a failed property read at the property's name, as for plain entries.
	col21 := strings.LastIndex(line21, "b") + 1
	line24 := `  return a.b.c`
	col24 := strings.LastIndex(line24, "c") + 1
	for _, w := range []string{
		"REPL20:1:" + strconv.Itoa(col21) + "\nUncaught TypeError: Cannot read property 'b' of m.a, which is undefined or null\n" + line21 + "\n" + strings.Repeat(" ", col21-1) + "^",
		"REPL21:1:19\nSyntaxError: Unexpected \";\"\nconst q: number = ;\n" + strings.Repeat(" ", 18) + "^",
		"REPL22:2:" + strconv.Itoa(col24) + "\nUncaught TypeError: Cannot read property 'c' of a.b, which is undefined or null\n" + line24 + "\n" + strings.Repeat(" ", col24-1) + "^",
		"at f (REPL22:2:" + strconv.Itoa(col24) + ")",
		// A failing import names the import line.
		"ERR_REQUIRE_ASYNC_MODULE",
		"    at REPL24:1:1\n",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q", w)
		}
	}
}
