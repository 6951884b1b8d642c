package jsweb

import "testing"

// TestDecodeReplacesMaximalSubparts pins the WHATWG replacement of invalid UTF-8: one
// U+FFFD for each longest start of a sequence, not one per byte.
func TestDecodeReplacesMaximalSubparts(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want string
	}{
		{[]byte{0xe2, 0x82, 0x41}, "\ufffdA"},
		{[]byte{0xed, 0xa0, 0x80}, "\ufffd\ufffd\ufffd"}, // a surrogate: ED then A0 is out of range
		{[]byte{0xf0, 0x9f, 0x98}, "\ufffd"},
		{[]byte{0xff, 0xc3}, "\ufffd\ufffd"},
		{[]byte{0xef, 0xbb, 0xbf, 0x61}, "a"},
	} {
		got, ok := decodeUTF8(c.in, false, false)
		if !ok || got != c.want {
			t.Errorf("decode(% x) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	if _, ok := decodeUTF8([]byte{0xc3}, true, false); ok {
		t.Error("a fatal decode of a cut sequence succeeded")
	}
}

// TestAtobStatus checks atob tells a character outside base64 from a wrong length.
func TestAtobStatus(t *testing.T) {
	for in, want := range map[string]int{"YWJj": atobOK, "YQ": atobOK, "YQ==": atobOK, " Y Q ": atobOK, "Y": atobBadLength, "YQ=": atobBadLength, "a*": atobBadCharacter, "é": atobBadCharacter} {
		if _, got := atob(in); got != want {
			t.Errorf("atob(%q) status %d, want %d", in, got, want)
		}
	}
}
