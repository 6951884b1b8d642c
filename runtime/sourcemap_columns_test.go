package runtime

import (
	"fmt"
	"strings"
	"testing"
)

// absoluteMappings decodes a mappings string into "line:gen->srcLine:srcCol" entries.
func absoluteMappings(t *testing.T, m string) []string {
	t.Helper()
	var out []string
	src, line, col := 0, 0, 0
	for li, l := range strings.Split(m, ";") {
		gen := 0
		for _, s := range strings.Split(l, ",") {
			if s == "" {
				continue
			}
			f, ok := decodeVLQ(s)
			if !ok {
				t.Fatalf("cannot decode %q in %q", s, m)
			}
			gen += f[0]
			if len(f) >= 4 {
				src, line, col = src+f[1], line+f[2], col+f[3]
			}
			out = append(out, fmt.Sprintf("%d:%d->%d:%d", li, gen, line, col))
		}
	}
	return out
}

// Every mapping gets a twin one column to its right, mapping one column to the right
// in the original, unless a mapping starts there already; VLQ fields round-trip.
func TestAddNextColumns(t *testing.T) {
	for _, n := range []int{0, 1, -1, 15, 16, -16, 1000, -123456} {
		var b strings.Builder
		encodeVLQ(&b, n)
		got, ok := decodeVLQ(b.String())
		if !ok || len(got) != 1 || got[0] != n {
			t.Errorf("VLQ %d: encoded %q, decoded %v %v", n, b.String(), got, ok)
		}
	}
	// Line 0: mappings at columns 0 (to 0:0) and 1 (to 0:4); line 1: at columns 4 (to
	// 1:2, with a name) and 9 (to 1:8).
	in := "AAAA,CAAI;IACFA,KAAM"
	got := strings.Join(absoluteMappings(t, addNextColumns(in)), " ")
	want := "0:0->0:0 0:1->0:4 0:2->0:5 1:4->1:2 1:5->1:3 1:9->1:8 1:10->1:9"
	if got != want {
		t.Errorf("addNextColumns(%q) maps\n%s\nwant\n%s", in, got, want)
	}
	if got := addNextColumns("not;vlq!"); got != "not;vlq!" {
		t.Errorf("a mapping it cannot read is kept as it is, got %q", got)
	}
}
