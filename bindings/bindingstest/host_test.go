package bindingstest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dop251/goja"
)

func TestRunReturnsTheCompletionValue(t *testing.T) {
	v := bindingstest.Run(t, jspath.New(jspath.Options{}), `require("node:path").join("a", "b")`)
	if v.String() != "a/b" {
		t.Errorf("got %v", v)
	}
}

func TestEvalDrivesCallbacksAndReportsTheirErrors(t *testing.T) {
	h := bindingstest.New(t, upper{})
	h.Run(t, `require("upper")("a").then(s => print(s)); require("upper")("b").then(s => print(s))`)
	if got := h.Output.String(); got != "A\nB\n" && got != "B\nA\n" {
		t.Errorf("output %q, want both promises resolved", got)
	}
	// An error a queued callback returns ends Eval with that error.
	boom := errors.New("boom")
	_ = h.VM().Set("failLater", func(goja.FunctionCall) goja.Value {
		enqueue := h.RegisterCallback()
		go enqueue(func() error { return boom })
		return goja.Undefined()
	})
	if _, err := h.Eval(`failLater()`); !errors.Is(err, boom) {
		t.Errorf("Eval: %v, want the callback's error", err)
	}
}

func TestThrowsAndProp(t *testing.T) {
	h := bindingstest.New(t, jspath.New(jspath.Options{}))
	e := h.Throws(t, `require("path").join(1)`)
	if bindingstest.Prop(e, "name") != "TypeError" || !strings.Contains(bindingstest.Prop(e, "message"), "path.join") {
		t.Errorf("thrown %s: %s", bindingstest.Prop(e, "name"), bindingstest.Prop(e, "message"))
	}
	if got := bindingstest.Prop(e, "nothing"); got != "<missing>" {
		t.Errorf("Prop of a missing key: %q", got)
	}
	if _, err := h.Eval(`require("fs")`); err == nil || !strings.Contains(err.Error(), `no module "fs" is loaded`) {
		t.Errorf("require of a module not loaded: %v", err)
	}
}

// The host is a jsfs.CleanupHost: Close closes the files a script left open.
func TestCloseRunsCleanups(t *testing.T) {
	var _ jsfs.CleanupHost = (*bindingstest.Host)(nil)
	dir := t.TempDir()
	h := bindingstest.New(t, jsfs.New(jsfs.Options{BaseDir: dir}))
	before := bindingstest.OpenFDs(t)
	h.Run(t, `require("fs").createWriter("left-open.txt").write("x")`)
	if bindingstest.OpenFDs(t) != before+1 {
		t.Fatal("the writer is not open")
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	if bindingstest.OpenFDs(t) != before {
		t.Error("Close left the writer open")
	}
}

func TestStreamsAndContext(t *testing.T) {
	h := bindingstest.New(t)
	h.Input = strings.NewReader("in")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h.Ctx = ctx
	var host bindings.Host = h
	host.Stdout().Write([]byte("out"))
	host.Stderr().Write([]byte("err"))
	b := make([]byte, 2)
	n, _ := host.Stdin().Read(b)
	if h.Output.String() != "out" || h.Errors.String() != "err" || string(b[:n]) != "in" || host.Context().Err() == nil {
		t.Errorf("stdout %q stderr %q stdin %q ctx %v", h.Output.String(), h.Errors.String(), b[:n], host.Context().Err())
	}
}
