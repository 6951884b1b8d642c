package jstypes

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/catalog"
)

var update = flag.Bool("update", false, "rewrite the generated model names in daktela.d.ts")

const (
	beginModels = "  // BEGIN MODEL NAMES"
	endModels   = "  // END MODEL NAMES"
)

// TestModelNames: the ModelName union of daktela.d.ts is the model catalogue's
// endpoints, so editors complete exactly the models the catalogue knows (-update
// rewrites it; then "go run ./cmd/dkscript types --out scripts" refreshes the copy).
func TestModelNames(t *testing.T) {
	d := Declarations()
	i, j := strings.Index(d, beginModels), strings.Index(d, endModels)
	if i < 0 || j < i {
		t.Fatal("daktela.d.ts has no generated model names block")
	}
	head, _, _ := strings.Cut(d[i:j], "\n  export type ModelName")
	var b strings.Builder
	b.WriteString("\n  export type ModelName = ")
	for _, n := range catalog.Endpoints() {
		b.WriteString(`"` + n + `" | `)
	}
	b.WriteString("(string & {});\n")
	want := head + b.String()
	if d[i:j] == want {
		return
	}
	if !*update {
		t.Fatal("the ModelName union in daktela.d.ts differs from the model catalogue: run go test ./bindings/jstypes -run TestModelNames -update")
	}
	if err := os.WriteFile("daktela.d.ts", []byte(d[:i]+want+d[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}
