package runtime_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// fileRT is a runtime with the fs and csv modules over dir, as the CLI builds it.
func fileRT(t *testing.T, dir string) *runtime.Runtime {
	t.Helper()
	rt, _, _ := newRT(t, runtime.Options{
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: dir}), jscsv.New(jscsv.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	return rt
}

// unclosedWriters writes n csv rows and n text lines and closes neither writer; tail
// is the script's last statement.
func unclosedWriters(n int, tail string) string {
	return fmt.Sprintf(`const csv = require('csv'), fs = require('fs');
const w = csv.writer('rows.csv');
const f = fs.createWriter('lines.txt');
for (let i = 0; i < %d; i++) {
  w.write({ id: i, name: 'row ' + i });
  f.writeLine('line ' + i);
}
%s
`, n, tail)
}

// checkComplete asserts rows.csv and lines.txt in dir hold all n rows, to the last byte.
func checkComplete(t *testing.T, dir string, n int) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "rows.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) != n+2 || lines[0] != "id,name" || lines[n] != fmt.Sprintf("%d,row %d", n-1, n-1) || lines[n+1] != "" {
		t.Errorf("rows.csv: %d lines (want %d), first %q, last %q", len(lines), n+2, lines[0], lines[len(lines)-2])
	}
	b, err = os.ReadFile(filepath.Join(dir, "lines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("line %d\n", n-1); !strings.HasSuffix(string(b), want) || strings.Count(string(b), "\n") != n {
		t.Errorf("lines.txt: %d lines (want %d), ends %q", strings.Count(string(b), "\n"), n, b[max(0, len(b)-20):])
	}
}

// A script that never closes its writers still writes whole files, however it ends.
func TestRunFlushesUnclosedWriters(t *testing.T) {
	// 10 000 rows are a few times the writers' 64 KiB buffers.
	for _, tc := range []struct {
		name, tail, wantErr string
		n                   int
	}{
		{"finished", "", "", 100000},
		{"process.exit", "process.exit(3); console.log('not reached')", "exited with code 3", 10000},
		{"process.exit(0)", "process.exit(0)", "", 10000},
		{"threw", "throw new Error('late failure')", "late failure", 10000},
		{"after a timer", "setTimeout(() => w.write({ id: 'x', name: 'late' }), 1)", "", 10000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			rt := fileRT(t, dir)
			err := rt.RunString(context.Background(), "write.js", unclosedWriters(tc.n, tc.tail))
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("run: %v, want %q", err, tc.wantErr)
			}
			if tc.name == "after a timer" {
				b, _ := os.ReadFile(filepath.Join(dir, "rows.csv"))
				if !strings.HasSuffix(string(b), "x,late\n") {
					t.Errorf("the row written by the timer is missing: ends %q", b[max(0, len(b)-30):])
				}
				return
			}
			checkComplete(t, dir, tc.n)
		})
	}
}

// The end of a run closes what it left open: the next run on the same runtime gets a
// clear error from the old writer, and its own writers are closed at its end too.
func TestRunClosesWritersAtItsEnd(t *testing.T) {
	dir := t.TempDir()
	rt := fileRT(t, dir)
	ctx := context.Background()
	if err := rt.RunString(ctx, "one.js", "globalThis.w = require('csv').writer('a.csv'); w.write(['a'])"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.csv")); string(b) != "a\n" {
		t.Errorf("a.csv after the first run: %q", b)
	}
	err := rt.RunString(ctx, "two.js", "require('fs').createWriter('b.txt').write('b');\nw.write(['again'])")
	if err == nil || !strings.Contains(err.Error(), "two.js:2") || !strings.Contains(err.Error(), "write after close to 'a.csv'") {
		t.Errorf("writing to a writer of an ended run: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.txt")); string(b) != "b" {
		t.Errorf("b.txt after the second run: %q", b)
	}
}

// Evals are entries of one session: a writer stays open between them and Close
// flushes it.
func TestEvalKeepsWritersOpenUntilClose(t *testing.T) {
	dir := t.TempDir()
	rt, err := runtime.New(runtime.Options{
		Modules:      []bindings.Module{jscsv.New(jscsv.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, src := range []string{"const w = require('csv').writer('s.csv')", "w.write(['first'])", "w.write(['second']); w.count"} {
		v, err := rt.Eval(ctx, src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if src == "w.write(['second']); w.count" && v.Export() != int64(2) {
			t.Errorf("count %v", v)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "s.csv")); len(b) != 0 {
		t.Errorf("s.csv before Close: %q (the 64 KiB buffer holds the rows)", b)
	}
	// Do (the REPL's completion and printing) is not the end of anything either.
	if err := rt.Do(ctx, func(*goja.Runtime) error { return nil }); err != nil {
		t.Fatal(err)
	}
	rt.Close()
	if b, _ := os.ReadFile(filepath.Join(dir, "s.csv")); string(b) != "first\nsecond\n" {
		t.Errorf("s.csv after Close: %q", b)
	}
	rt.Close() // a second Close does nothing
}

// process.exit in an Eval ends the session; the REPL closes the runtime, which writes
// the file.
func TestEvalExitThenCloseFlushes(t *testing.T) {
	dir := t.TempDir()
	rt, err := runtime.New(runtime.Options{
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = rt.Eval(context.Background(), "require('fs').createWriter('e.txt').write('bye'); process.exit(0)")
	if runtime.ExitCode(err) != 0 || err == nil {
		t.Fatalf("process.exit(0) in Eval: %v", err)
	}
	rt.Close()
	if b, _ := os.ReadFile(filepath.Join(dir, "e.txt")); string(b) != "bye" {
		t.Errorf("e.txt: %q", b)
	}
}
