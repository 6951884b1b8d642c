package bindings_test

import (
	"errors"
	"io"
	goruntime "runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// TestArrayLengthBound checks that a length a script sets by hand (no items stored)
// is refused with a TypeError before anything is sized by it, and that lengths up to
// the bound pass.
func TestArrayLengthBound(t *testing.T) {
	vm := goja.New()
	cases := []struct {
		src     string
		want    int
		wantErr string
	}{
		{`[1, 2, 3]`, 3, ""},
		{`[]`, 0, ""},
		{`(() => { const a = []; a.length = 1048576; return a })()`, bindings.MaxArrayLength, ""},
		{`(() => { const a = []; a.length = 1048577; return a })()`, 0, "setFields: fields has 1048577 items, more than the 1048576 a call takes"},
		{`(() => { const a = []; a.length = 4294967295; return a })()`, 0, "setFields: fields has 4294967295 items, more than the 1048576 a call takes"},
		{`({length: -1})`, 0, "setFields: fields has an invalid length -1"},
		{`({length: NaN})`, 0, "setFields: fields has an invalid length NaN"},
		{`({})`, 0, ""},
	}
	for _, c := range cases {
		v, err := vm.RunString(c.src)
		if err != nil {
			t.Fatal(err)
		}
		var got int
		ex := vm.Try(func() { got = bindings.ArrayLength(vm, v.(*goja.Object), "setFields: fields") })
		switch {
		case c.wantErr == "" && ex != nil:
			t.Errorf("%s: %v", c.src, ex)
		case c.wantErr == "" && got != c.want:
			t.Errorf("%s: length %d, want %d", c.src, got, c.want)
		case c.wantErr != "" && ex == nil:
			t.Errorf("%s: no error, length %d", c.src, got)
		case c.wantErr != "" && ex.Value().ToObject(vm).Get("name").String() != "TypeError":
			t.Errorf("%s: %v, want a TypeError", c.src, ex)
		case c.wantErr != "" && !strings.Contains(ex.Error(), c.wantErr):
			t.Errorf("%s: %v, want %q", c.src, ex, c.wantErr)
		}
	}
}

// TestStringsBound checks Args.Strings, the conversion behind setFields, on an array
// just past the bound: a TypeError naming the length, not a slice sized by it.
func TestStringsBound(t *testing.T) {
	vm := goja.New()
	_ = vm.Set("f", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "setFields"}
		return vm.ToValue(len(a.Strings(0, "fields")))
	})
	_, err := vm.RunString(`const a = []; a.length = 1048577; f(a)`)
	if err == nil || !strings.Contains(err.Error(), "TypeError: setFields: fields has 1048577 items, more than the 1048576 a call takes") {
		t.Fatalf("error %v", err)
	}
}

// TestGoValueDoesNotCopyScriptData checks that looking for a Go value behind a script's
// array or object (to tell a request handle or a boolean from anything else) does not
// copy it: goja's Export would make a slice as long as the array's length says.
func TestGoValueDoesNotCopyScriptData(t *testing.T) {
	vm := goja.New()
	const length = 1 << 22 // 64 MB as a []any
	v, err := vm.RunString(`const a = []; a.length = 4194304; [a, {x: a}, new Map([[1, a]]), new Set([a])]`)
	if err != nil {
		t.Fatal(err)
	}
	arr := v.(*goja.Object)
	for i := 0; i < 4; i++ {
		item := arr.Get(string(rune('0' + i)))
		before := totalAlloc()
		got := bindings.GoValue(item)
		_, isBool := bindings.BoolOf(item)
		if grew := totalAlloc() - before; grew > length {
			t.Errorf("item %d: looking at it allocated %d bytes", i, grew)
		}
		if got != nil || isBool {
			t.Errorf("item %d: GoValue %T, BoolOf %v", i, got, isBool)
		}
	}
	for src, want := range map[string]any{`true`: true, `new Boolean(false)`: false, `"s"`: "s"} {
		v, err := vm.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := bindings.GoValue(v); got != want {
			t.Errorf("GoValue(%s) = %v, want %v", src, got, want)
		}
	}
}

func totalAlloc() uint64 {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	return m.TotalAlloc
}

// TestLineLimitReader: lines up to the limit pass whole, across reads of any size; the
// first longer line fails with ErrTooLarge.
func TestLineLimitReader(t *testing.T) {
	in := "abc\nabcd\n\nab"
	b, err := io.ReadAll(iotest.OneByteReader(bindings.LineLimitReader(strings.NewReader(in), 4)))
	if err != nil || string(b) != in {
		t.Fatalf("lines within the limit: %q %v", b, err)
	}
	for _, in := range []string{"abcde", "ab\nabcdef\nab", "abcde\n"} {
		if _, err := io.ReadAll(bindings.LineLimitReader(strings.NewReader(in), 4)); !errors.Is(err, bindings.ErrTooLarge) {
			t.Errorf("%q: %v, want ErrTooLarge", in, err)
		}
	}
}
