package runtime_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/runtime"
)

// When the automatic flush of a writer a script left open fails (a full disk), the run
// says so: its error when the script itself succeeded, a warning naming the file when the
// script failed anyway, and a warning at Close for a REPL session's writer.
func TestFailedFlushOfUnclosedWriterIsReported(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("needs /dev/full")
	}
	const open = "require('fs').createWriter('/dev/full').write('lost');\nrequire('csv').writer('/dev/full').write(['lost too']);\n"
	for _, tc := range []struct {
		name, tail string
		wantErr    string // in the run's error
		wantWarn   bool   // the files named in a warning on stderr
	}{
		{"finished", "", "could not be flushed and closed", false},
		{"process.exit(0)", "process.exit(0)", "could not be flushed and closed", false},
		{"threw", "throw new Error('own failure')", "own failure", true},
		{"process.exit(2)", "process.exit(2)", "exited with code 2", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			rt, _, stderr := newRT(t, runtime.Options{
				Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: dir}), jscsv.New(jscsv.Options{BaseDir: dir})},
				Capabilities: runtime.Capabilities{FileAccess: true},
			})
			err := rt.RunString(context.Background(), "full.js", open+tc.tail)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("run error %v, want one containing %q", err, tc.wantErr)
			}
			report := err.Error()
			if tc.wantWarn {
				report = stderr.String()
				if !strings.HasPrefix(report, "Warning: ") {
					t.Errorf("stderr %q, want a warning", report)
				}
			} else {
				var ce *runtime.CleanupError
				if !errors.As(err, &ce) || runtime.ExitCode(err) != runtime.ExitScriptError {
					t.Errorf("run error %T (exit code %d), want a *runtime.CleanupError (exit code 1)", err, runtime.ExitCode(err))
				}
				var ue *jsfs.UnclosedError
				if !errors.As(err, &ue) || ue.Path != "/dev/full" {
					t.Errorf("run error %v does not hold a *jsfs.UnclosedError for /dev/full", err)
				}
			}
			// Both writers are named, each with its cause.
			if n := strings.Count(report, "'/dev/full', which the script left open, could not be flushed and closed when it ended: write /dev/full: no space left on device"); n != 2 {
				t.Errorf("the report names the failed flush %d times, want 2:\n%s", n, report)
			}
		})
	}

	// A REPL session's writer is flushed at Close, which warns.
	rt, _, stderr := newRT(t, runtime.Options{
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: t.TempDir()})},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if _, err := rt.Eval(context.Background(), "const w = require('fs').createWriter('/dev/full'); w.write('lost')"); err != nil {
		t.Fatal(err)
	}
	if stderr.Len() != 0 {
		t.Fatalf("stderr before Close: %q", stderr)
	}
	rt.Close()
	if want := "Warning: '/dev/full', which the script left open, could not be flushed and closed when it ended: write /dev/full: no space left on device\n"; stderr.String() != want {
		t.Errorf("stderr after Close %q, want %q", stderr, want)
	}
}
