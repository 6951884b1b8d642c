package runtime_test

import (
	"context"
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// TestMaxMemoryStopsAGrowingScript checks Options.MaxMemory: a script that keeps every
// object it makes is stopped with ErrMemoryLimit and the exit code 137, before the
// process reaches a Go fatal out of memory.
func TestMaxMemoryStopsAGrowingScript(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1)) // the limit is the process's
	const limit = 200 << 20
	rt, _, _ := newRT(t, runtime.Options{MaxMemory: limit})
	err := rt.RunString(context.Background(), "grow.js", "const a = [];\nfor (;;) a.push({n: a.length, s: 'x' + a.length});\n")
	var ie *runtime.InterruptError
	if !errors.As(err, &ie) || !errors.Is(err, runtime.ErrMemoryLimit) || runtime.ExitCode(err) != runtime.ExitMemory {
		t.Fatalf("error %T %v, want an InterruptError wrapping ErrMemoryLimit", err, err)
	}
	if !strings.Contains(err.Error(), "Out of memory: the process used more than 200 MiB") || ie.File != "grow.js" {
		t.Errorf("report %q", err)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("the process's soft limit is %d, want %d", got, limit)
	}
}
