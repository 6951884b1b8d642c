package runtime_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// TestRunStuckInABuiltinIsAbandoned checks that a run whose context ends while it is
// inside a function no interrupt reaches (here an embedder's global that blocks, as a
// deep JSON.stringify does) returns after Options.StopGrace with the interruption's error and
// ErrAbandoned (exit code 130), and that the runtime then refuses to run instead of sharing its VM with
// the goroutine still inside.
func TestRunStuckInABuiltinIsAbandoned(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{StopGrace: 50 * time.Millisecond})
	release := make(chan struct{})
	entered := make(chan struct{})
	left := make(chan struct{})
	if err := rt.VM().Set("stuck", func(goja.FunctionCall) goja.Value {
		close(entered)
		<-release
		defer close(left)
		return goja.Undefined()
	}); err != nil {
		t.Fatal(err)
	}
	// The run is cancelled once it is inside the builtin (a Ctrl-C or a timeout then).
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-entered
		cancel()
	}()
	err := rt.RunString(ctx, "stuck.js", "stuck();\n")
	var ie *runtime.InterruptError
	if !errors.As(err, &ie) || !errors.Is(err, runtime.ErrAbandoned) || !errors.Is(err, runtime.ErrInterrupted) || runtime.ExitCode(err) != runtime.ExitInterrupted {
		t.Fatalf("error %T %v, want an InterruptError wrapping ErrInterrupted and ErrAbandoned", err, err)
	}
	if !strings.Contains(err.Error(), "did not stop within 50ms") {
		t.Errorf("message %q", err)
	}
	if _, err := rt.Eval(context.Background(), "1"); !errors.Is(err, runtime.ErrAbandoned) {
		t.Errorf("a later run: %v, want ErrAbandoned", err)
	}
	rt.Close() // does not wait for, nor touch, the goroutine still inside
	close(release)
	<-left
}

// TestRunThatStopsInTimeIsNotAbandoned checks the ordinary case: an interrupted loop
// stops at once, the runtime runs again, and the error does not say abandoned.
func TestRunThatStopsInTimeIsNotAbandoned(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{Timeout: 20 * time.Millisecond, StopGrace: time.Minute})
	err := rt.RunString(context.Background(), "loop.js", "for (;;) {}\n")
	if !errors.Is(err, runtime.ErrTimeout) || errors.Is(err, runtime.ErrAbandoned) {
		t.Fatalf("error %v", err)
	}
	if v, err := rt.Eval(context.Background(), "1 + 1"); err != nil || v.ToInteger() != 2 {
		t.Fatalf("runs again: %v %v", v, err)
	}
}
