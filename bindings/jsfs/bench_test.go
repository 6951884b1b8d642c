package jsfs_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLinesToWriter copies a 10 000-line file line by line through fs.lines and
// fs.createWriter; ns/line is the cost of one line.
//
//	go test -run '^$' -bench LinesToWriter -benchmem -benchtime 5x ./bindings/jsfs
func BenchmarkLinesToWriter(b *testing.B) {
	const lines = 10_000
	h, dir := newFS(b, "")
	var sb strings.Builder
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&sb, "%d;Zákazník %06d;customer.%d@example.com;+420 %09d\r\n", i, i, i, 600000000+i)
	}
	if err := os.WriteFile(filepath.Join(dir, "in.txt"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	const src = `
		var w = fs.createWriter("out.txt");
		try { for (const l of fs.lines("in.txt")) w.writeLine(l); } finally { w.close(); }
	`
	for b.Loop() {
		if _, err := h.VM().RunString(src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*lines), "ns/line")
	out, _ := os.ReadFile(filepath.Join(dir, "out.txt"))
	if want := strings.ReplaceAll(sb.String(), "\r\n", "\n"); string(out) != want {
		b.Fatalf("copy differs: %d bytes, want %d", len(out), len(want))
	}
}
