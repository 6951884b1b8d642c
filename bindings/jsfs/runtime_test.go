package jsfs_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/runtime"
)

// TestBytesAreBuffersInTheRuntime checks that, in the real runtime (which has the global
// Buffer), readFileSync without an encoding gives a Buffer that writes back unchanged.
func TestBytesAreBuffersInTheRuntime(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "in.bin"), []byte("\x00\xffžluť"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{
		Stdout:       &out,
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "bytes.js", `
		const fs = require("fs");
		const b = fs.readFileSync("in.bin");
		console.log(b instanceof Buffer, b.length, b.toString("hex"));
		fs.writeFileSync("out.bin", b);
	`)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != "true 8 00ffc5be6c75c5a5\n" {
		t.Fatalf("printed %q", out.String())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "out.bin")); string(b) != "\x00\xffžluť" {
		t.Fatalf("out.bin holds %q", b)
	}
}
