package repl

import "testing"

func TestIncomplete(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{"", false},
		{"   ", false},
		{"1 + 2", false},
		{"let a = 1", false},
		{"if (x) {", true},
		{"function f() {\n  return 1", true},
		{"function f() {\n  return 1\n}", false},
		{"`abc", true},
		{"`a ${b", true},
		{"x = `line one\n", true},
		{"/* a comment", true},
		{"f(1,", true},
		{"[1, 2", true},
		{"({a: 1", true},
		{"a => {", true},
		{"1 +", true},
		{"a ? b :", true},
		{"class A {", true},
		{"daktela.buildReadRequest(\"Users\")\n  .setFields([", true},
		// Real syntax errors are not waited on: they are reported.
		{"}", false},
		{"\"abc", false},
		{"let let = 1", false},
		{"1 +* 2", false},
		{"// just a comment", false},
		// Top-level await: unfinished only when the async body is.
		{"await f(", true},
		{"const x = await f({", true},
		{"if (x) { await y", true},
		{"for (const r of await list()) {\n  console.log(r)", true},
		{"await f()", false},
		{"const r = await f(); r.x", false},
		{"await f())", false},
		{"await f() // comment", false},
		// TypeScript and import lines (the runtime transforms them) the same way.
		{"let s: string =", true},
		{"function f(a: number): number {", true},
		{"import {\n  twice", true},
		{"const n: number = 1", false},
		{"const q: number = ;", false},
		{"const n: number = await f(", true},
	}
	for _, c := range cases {
		if got := Incomplete(c.src); got != c.want {
			t.Errorf("Incomplete(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
