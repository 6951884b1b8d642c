package runtime

import "testing"

// TestHasEmptyLoopText: the text check in front of markEmptyLoops finds every loop the
// walk would change and passes over loops with a body or a test of their own.
func TestHasEmptyLoopText(t *testing.T) {
	for src, want := range map[string]bool{
		"while (true) {}":           true,
		"x()\nwhile(true);":         true,
		"for (;;) {}":               true,
		"for ( ; ; )\n{\n}":         true,
		"do {} while (true)":        true,
		"while (x) {}":              false,
		"while (true) { tick() }":   false,
		"for (;;) { a() }":          false,
		"for (const x of xs) {}":    false,
		"document.done(); format()": false,
	} {
		if got := hasEmptyLoopText(src); got != want {
			t.Errorf("hasEmptyLoopText(%q) = %v, want %v", src, got, want)
		}
	}
}
