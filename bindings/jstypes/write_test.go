package jstypes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWriteFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	written, kept, err := WriteFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if kept != "" || len(written) != 2 {
		t.Fatalf("wrote %v, kept %q; want both files written", written, kept)
	}
	dts, err := os.ReadFile(filepath.Join(dir, DeclarationsFile))
	if err != nil || string(dts) != Declarations() {
		t.Fatalf("daktela.d.ts not written as embedded (err %v)", err)
	}
	var cfg struct {
		CompilerOptions map[string]any `json:"compilerOptions"`
		Include         []string       `json:"include"`
	}
	b, _ := os.ReadFile(filepath.Join(dir, ConfigFile))
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("jsconfig.json is not JSON: %v", err)
	}
	if cfg.CompilerOptions["checkJs"] != true || !reflect.DeepEqual(cfg.Include, []string{"**/*.js", "**/*.mjs", "**/*.ts", "**/*.mts", DeclarationsFile}) {
		t.Fatalf("jsconfig.json: %s", b)
	}

	// A second run replaces the declarations and keeps the user's config.
	mine := []byte(`{"compilerOptions": {"checkJs": false}}`)
	os.WriteFile(filepath.Join(dir, ConfigFile), mine, 0o644)
	os.WriteFile(filepath.Join(dir, DeclarationsFile), []byte("old"), 0o644)
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ConfigFile)); string(b) != string(mine) {
		t.Errorf("jsconfig.json was replaced: %s", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, DeclarationsFile)); string(b) != Declarations() {
		t.Errorf("daktela.d.ts was not refreshed")
	}
}

func TestWriteErrors(t *testing.T) {
	if err := Write(""); err == nil {
		t.Error("Write(\"\") succeeded")
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	err := Write(filepath.Join(file, "sub"))
	if err == nil || !strings.Contains(err.Error(), "file") {
		t.Errorf("Write under a file: %v, want an error naming the path", err)
	}
}

// TestConfigsAgree keeps the configurations CI type-checks with equal to what Write
// gives users: scripts/jsconfig.json is JSConfig() itself, and the testdata configs have
// its compiler options.
func TestConfigsAgree(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "scripts", ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(JSConfig()) {
		t.Errorf("scripts/jsconfig.json differs from JSConfig(); run: go run ./cmd/dkscript types --out scripts (after deleting it)")
	}
	var want map[string]any
	json.Unmarshal(JSConfig(), &want)
	for _, name := range []string{"jsconfig.json", "jsconfig.bad.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "types", name))
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got["compilerOptions"], want["compilerOptions"]) {
			t.Errorf("testdata/types/%s: compilerOptions differ from JSConfig()'s", name)
		}
	}
}
