package runtime

import "testing"

// TestNullishAccessMessage pins how a read or write through undefined or null is
// reported: the expression read through, taken from the source at the error's position,
// or "undefined or null" where the position does not show it.
func TestNullishAccessMessage(t *testing.T) {
	cases := []struct {
		src, msg  string
		line, col int
		want      string
	}{
		{"a.b.title", "Cannot read property 'title' of undefined", 1, 5, "Cannot read property 'title' of a.b, which is undefined or null"},
		{"null.x", "Cannot read property 'x' of undefined", 1, 6, "Cannot read property 'x' of null"},
		{"undefined.x", "Cannot read property 'x' of undefined", 1, 11, "Cannot read property 'x' of undefined"},
		{"f(1, [2]).y", "Cannot read property 'y' of undefined", 1, 11, "Cannot read property 'y' of f(1, [2]), which is undefined or null"},
		{"a[0][\"k\"].z", "Cannot read property 'z' of undefined", 1, 11, "Cannot read property 'z' of a[0][\"k\"], which is undefined or null"},
		{"(a || b).c", "Cannot read property 'c' of undefined", 1, 10, "Cannot read property 'c' of (a || b), which is undefined or null"},
		{"x = a?.b.c", "Cannot read property 'c' of undefined", 1, 10, "Cannot read property 'c' of a?.b, which is undefined or null"},
		{"t\n  .c\n  .title", "Cannot read property 'title' of undefined", 3, 4, "Cannot read property 'title' of t.c, which is undefined or null"},
		{"q[k]", "Cannot read property 'a' of undefined", 1, 2, "Cannot read property 'a' of q, which is undefined or null"},
		{"t.c!.title", "Cannot read property 'title' of undefined", 1, 6, "Cannot read property 'title' of t.c, which is undefined or null"},
		{"a!.b!.c", "Cannot read property 'c' of undefined", 1, 7, "Cannot read property 'c' of a.b, which is undefined or null"},
		{"u.x = 1", "Cannot convert undefined or null to object", 1, 3, "Cannot set property 'x' of u, which is undefined or null"},
		// Not an assignment, or no property at the position: goja's own message.
		{"Object.keys(u)", "Cannot convert undefined or null to object", 1, 8, "Cannot convert undefined or null to object"},
		{"u.x == 1", "Cannot convert undefined or null to object", 1, 3, "Cannot convert undefined or null to object"},
		// The position shows another name, or nothing read through: no expression named.
		{"a.b.other", "Cannot read property 'title' of undefined", 1, 5, "Cannot read property 'title' of undefined or null"},
		{"x = .5.title", "Cannot read property 'title' of undefined", 1, 8, "Cannot read property 'title' of undefined or null"},
		{"a.b", "Cannot read property 'b' of undefined", 9, 1, "Cannot read property 'b' of undefined or null"},
		{"a.b", "Some other TypeError", 1, 3, "Some other TypeError"},
		// A long expression is shortened in its middle.
		{"aaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.cccccccccccccccccccc.d", "Cannot read property 'd' of undefined", 1, 74,
			"Cannot read property 'd' of aaaaaaaaaaaaaaaaaaaa.bbbbbbbb…bbbbbbbb.cccccccccccccccccccc, which is undefined or null"},
	}
	for _, c := range cases {
		r := &Runtime{sources: map[string]string{"s.js": c.src}}
		if got := r.nullishAccess(c.msg, "s.js", c.line, c.col); got != c.want {
			t.Errorf("%q at %d:%d:\n got %s\nwant %s", c.src, c.line, c.col, got, c.want)
		}
	}
}
