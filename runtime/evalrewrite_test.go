package runtime

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// regexpError matches goja's complaints about a regular expression literal: it checks
// them only where their value is used, so an invalid one in a statement of its own
// compiles until the rewrite returns it.
var regexpError = regexp.MustCompile(`(?i)regexp|regular expression|unterminated group|unmatched '\)'|repetition`)

// FuzzRewriteForREPL: whatever the entry, the rewrite does not panic, keeps the number
// of lines (error positions and the wrapper's last line depend on it), and an entry
// that compiles wrapped still compiles rewritten.
func FuzzRewriteForREPL(f *testing.F) {
	for _, s := range []string{
		"(await x).y",
		"const a = await x; a",
		"let {b} = await x",
		"let u, w = (await x).b; [u, w]",
		"var k; await null; k",
		"const a = await x // c )\n;(a).b",
		"if (true) {} await x; null.boom",
		"class A { m() {} }; await x; new A().m()",
		"await x\nclass A {}\nnew A()",
		"function f() { return 5 }\nawait null\nf()",
		"\n\n  (await x).y;;",
		"/* await ( */ (await x).y /* ) */",
		"'a;wait ) (' + (await x).y // )",
		"x = 1\n(await f()).y",
		"for (const v of await x) {}\nv",
		"try { await x } catch { }\n;[1]",
		"label: await x",
		"await x, await y",
		"a?.b(await x)`t`",
		"tag`t`\n(await x).y ++",
		"x ++; await y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		out, _, ok := rewriteForREPL("f", code)
		wrapped := tlaPrefix + code + tlaSuffix
		if !ok {
			return
		}
		if strings.Count(out, "\n") != strings.Count(wrapped, "\n") {
			t.Fatalf("lines changed: %q -> %q", code, out)
		}
		if _, err := goja.Compile("f", wrapped, false); err != nil {
			return // goja's parser accepts some text its compiler refuses
		}
		if _, err := goja.Compile("f", out, false); err != nil && !regexpError.MatchString(err.Error()) {
			t.Fatalf("%q compiles wrapped but not rewritten (%q): %v", code, out, err)
		}
	})
}
