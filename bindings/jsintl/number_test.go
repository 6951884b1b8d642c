package jsintl

import "testing"

// TestRoundHalfExpand pins Intl's default rounding on decimal strings: halves away from
// zero, carries through nines, nothing lost to binary floating point.
func TestRoundHalfExpand(t *testing.T) {
	for _, c := range []struct {
		in   string
		frac int
		want string
	}{
		{"1.0005", 3, "1.001"},
		{"0.125", 2, "0.13"},
		{"2.5", 0, "3"},
		{"99999.9999", 3, "100000.000"},
		{"9.96", 1, "10.0"},
		{"1.2", 3, "1.2"},
		{"0.0049", 2, "0.00"},
	} {
		if got := roundHalfExpand(c.in, c.frac); got != c.want {
			t.Errorf("roundHalfExpand(%q, %d) = %q, want %q", c.in, c.frac, got, c.want)
		}
	}
}

// TestShiftPoint pins the exact ×100 of percentages.
func TestShiftPoint(t *testing.T) {
	for in, want := range map[string]string{"0.256": "25.6", "1": "100", "0.07": "7", "12.3456": "1234.56", "0.0049": "0.49"} {
		if got := shiftPoint(in, 2); got != want {
			t.Errorf("shiftPoint(%q, 2) = %q, want %q", in, got, want)
		}
	}
}
