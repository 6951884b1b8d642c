package samplepage

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestPageIsValidDeterministicAndSized(t *testing.T) {
	p := Page(42, 0, 1000, 100000)
	if !json.Valid(p) {
		t.Fatal("page is not valid JSON")
	}
	if !bytes.Equal(p, Page(42, 0, 1000, 100000)) {
		t.Fatal("page is not deterministic")
	}
	var env struct {
		Result struct {
			Data  []map[string]any
			Total int
		}
	}
	if err := json.Unmarshal(p, &env); err != nil {
		t.Fatal(err)
	}
	if len(env.Result.Data) != 1000 || env.Result.Total != 100000 {
		t.Fatalf("%d records, total %d", len(env.Result.Data), env.Result.Total)
	}
	if per := len(p) / 1000; per < 550 || per > 700 {
		t.Errorf("%d bytes per record, want about 600", per)
	}
}
