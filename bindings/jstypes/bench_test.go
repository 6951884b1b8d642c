package jstypes

import "testing"

// BenchmarkParse is the one-time cost of reading daktela.d.ts (the first Help, Lookup
// or Describe in a process pays it).
func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := parse(declarations); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDescribe is what .help NAME costs once the file is parsed.
func BenchmarkDescribe(b *testing.B) {
	Help()
	for b.Loop() {
		if _, err := Describe("daktela.ReadRequest"); err != nil {
			b.Fatal(err)
		}
	}
}
