package rawjson

import (
	"encoding/json"
	"testing"

	"github.com/dkscript/dkscript/internal/samplepage"
)

// go test -run '^$' -bench . -benchmem ./daktela/rawjson
var benchPage = samplepage.Page(42, 0, 1000, 100000)

func BenchmarkParsePage(b *testing.B) {
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(benchPage); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidatePage(b *testing.B) {
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate(benchPage); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodingJSONValidPage(b *testing.B) {
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		if !json.Valid(benchPage) {
			b.Fatal("invalid")
		}
	}
}

func BenchmarkNodeBound(b *testing.B) {
	b.SetBytes(int64(len(benchPage)))
	for b.Loop() {
		nodeBound(benchPage)
	}
}

func BenchmarkLookupAndString(b *testing.B) {
	ix, err := Parse(benchPage)
	if err != nil {
		b.Fatal(err)
	}
	res, _ := ix.Lookup(0, "result")
	data, _ := ix.Lookup(res, "data")
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		ix.Elements(data, func(_, rec int) bool {
			if v, ok := ix.Lookup(rec, "number"); ok {
				n += len(ix.String(v))
			}
			return true
		})
		if n == 0 {
			b.Fatal("nothing found")
		}
	}
}
