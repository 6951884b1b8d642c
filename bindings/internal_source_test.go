package bindings

import "testing"

func TestIsInternalSource(t *testing.T) {
	for file, want := range map[string]bool{
		"<daktela>/iterator.js": true,
		"<fs>/x.js":             true,
		"<stdin>":               false,
		"<eval>":                false,
		"<inspect>":             false,
		"script.js":             false,
		"/home/a/<daktela>/x":   false,
		"":                      false,
		"<>":                    false,
	} {
		if got := IsInternalSource(file); got != want {
			t.Errorf("IsInternalSource(%q) = %v, want %v", file, got, want)
		}
	}
}
