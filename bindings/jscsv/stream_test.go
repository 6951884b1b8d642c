package jscsv_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// writeRows writes a CSV of n rows of about 150 bytes with quotes, commas and a line
// break in some fields, as encoding/csv writes it.
func writeRows(t testing.TB, path string, n int) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"id", "name", "email", "phone", "note", "created"})
	for i := 0; i < n; i++ {
		note := fmt.Sprintf("customer %d, tier %d", i, i%5)
		if i%100 == 0 {
			note = fmt.Sprintf("said \"call me\"\nafter %d", i)
		}
		_ = w.Write([]string{
			fmt.Sprint(i), fmt.Sprintf("Zákazník Číslo %06d", i), fmt.Sprintf("customer.%d@example.com", i),
			fmt.Sprintf("+420 %09d", 600000000+i), note, "2026-01-02 03:04:05",
		})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	_ = f.Close()
	return fi.Size()
}

const pipeScript = `
	var w = csv.writer("out.csv", {columns: ["id", "name", "email", "phone", "note", "created"]});
	var n = 0;
	try {
		for (const {line, record} of csv.reader("in.csv")) {
			w.write(record);
			if (++n % 10000 === 0) sample();
		}
	} finally {
		w.close();
	}
	n;
`

// TestStream100kConstantMemory streams 100 000 rows (about 10 MB) from a reader into a
// writer and checks that the live heap stays far below the file's size while it runs,
// and that the output equals the input.
func TestStream100kConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 100 000 rows")
	}
	h, dir := newCSV(t, "")
	size := writeRows(t, filepath.Join(dir, "in.csv"), 100_000)
	var base, peak uint64
	_ = h.VM().Set("sample", func() {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if base == 0 {
			base = ms.HeapAlloc
		}
		peak = max(peak, ms.HeapAlloc)
	})
	if n := h.Run(t, pipeScript).ToInteger(); n != 100_000 {
		t.Fatalf("streamed %d rows", n)
	}
	growth := int64(peak) - int64(base)
	t.Logf("file %.1f MB, live heap at first sample %.1f MB, growth over the run %.2f MB",
		float64(size)/1e6, float64(base)/1e6, float64(growth)/1e6)
	// Holding the rows would take many times the file's size; streaming holds one row
	// and two 64 KiB buffers. The bound is generous against GC noise.
	if growth > size/4 {
		t.Fatalf("heap grew by %d bytes while streaming a %d-byte file", growth, size)
	}
	in, _ := os.ReadFile(filepath.Join(dir, "in.csv"))
	out, _ := os.ReadFile(filepath.Join(dir, "out.csv"))
	if !bytes.Equal(in, out) {
		t.Fatalf("output differs from input (%d vs %d bytes)", len(out), len(in))
	}
}

// BenchmarkStream pipes rows from csv.reader into csv.writer; B/op and allocs/op are per
// run of 10 000 rows, ns/row the cost of one row.
//
//	go test -run '^$' -bench Stream -benchmem -benchtime 5x ./bindings/jscsv
func BenchmarkStream(b *testing.B) {
	const rows = 10_000
	h, dir := newCSV(b, "")
	writeRows(b, filepath.Join(dir, "in.csv"), rows)
	_ = h.VM().Set("sample", func() {})
	b.ResetTimer()
	for b.Loop() {
		if _, err := h.VM().RunString(pipeScript); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}
