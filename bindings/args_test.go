package bindings_test

import (
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// TestIsNullish checks that only undefined, null and a missing property count as not
// given: the falsy values a script may pass on purpose (0, "", false, NaN) do not.
func TestIsNullish(t *testing.T) {
	vm := goja.New()
	obj := vm.NewObject()
	cases := []struct {
		src  string
		v    goja.Value
		want bool
	}{
		{"nil (missing property)", obj.Get("missing"), true},
		{"undefined", goja.Undefined(), true},
		{"null", goja.Null(), true},
		{"0", vm.ToValue(0), false},
		{`""`, vm.ToValue(""), false},
		{"false", vm.ToValue(false), false},
		{"NaN", goja.NaN(), false},
		{"{}", obj, false},
	}
	for _, c := range cases {
		if got := bindings.IsNullish(c.v); got != c.want {
			t.Errorf("IsNullish(%s) = %v, want %v", c.src, got, c.want)
		}
	}
}
