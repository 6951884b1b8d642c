package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// newRT builds a runtime writing into the returned buffers.
func newRT(t *testing.T, opts runtime.Options) (*runtime.Runtime, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &errb
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	return rt, &out, &errb
}

// cancelOnWrite is a stdout that cancels a run when the script first prints: the
// script is then provably inside the code the test wants interrupted, however slowly
// the machine got there.
type cancelOnWrite struct {
	buf    bytes.Buffer // not embedded: its WriteString would bypass Write
	once   sync.Once
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	defer w.once.Do(w.cancel)
	return w.buf.Write(p)
}

func (w *cancelOnWrite) String() string { return w.buf.String() }

func TestCancelStopsEndlessLoopAndRuntimeRunsAgain(t *testing.T) {
	// Bounded: should the script never print, the run still ends.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out := &cancelOnWrite{cancel: cancel}
	rt, err := runtime.New(runtime.Options{Stdout: out, Stderr: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	// The loop prints once it runs, and everything it uses is declared on line 2: goja
	// may place an interrupt at the declaration of a variable the loop updates.
	err = rt.RunString(ctx, "spin.js", "const started = Date.now();\nfor (let i = 0; ; i++) { if (i === 100) console.log('spinning') }")
	var ie *runtime.InterruptError
	if !errors.As(err, &ie) || runtime.ExitCode(err) != runtime.ExitInterrupted || !errors.Is(err, runtime.ErrInterrupted) {
		t.Fatalf("got %v (exit %d), want an InterruptError with exit 130", err, runtime.ExitCode(err))
	}
	if ie.File != "spin.js" || ie.Line != 2 {
		t.Errorf("interrupted at %s:%d, want spin.js:2", ie.File, ie.Line)
	}
	if err := rt.RunString(context.Background(), "again.js", "console.log('again')"); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if out.String() != "spinning\nagain\n" {
		t.Errorf("stdout %q", out.String())
	}
}

func TestCancelEndsSleepAndWaitingLoop(t *testing.T) {
	for _, src := range []string{"sleep(60000)", "setTimeout(() => {}, 60000)", "new Promise(() => {}); setInterval(() => {}, 50)"} {
		rt, _, _ := newRT(t, runtime.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(30*time.Millisecond, cancel)
		start := time.Now()
		err := rt.RunString(ctx, "wait.js", src)
		if runtime.ExitCode(err) != runtime.ExitInterrupted {
			t.Errorf("%s: got %v, want exit 130", src, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: took %v to stop", src, d)
		}
	}
}

// The timers one task sets count from the same instant, as in Node: they fire by their
// delays, however long the task ran between setting them, so their order does not
// depend on the machine's load.
func TestTimersOfOneTaskFireByDelay(t *testing.T) {
	rt, out, _ := newRT(t, runtime.Options{})
	src := `setTimeout(() => console.log("set first, 20 ms"), 20)
sleep(40)
setTimeout(() => console.log("set after 40 ms, 10 ms"), 10)
setTimeout(() => {
	setTimeout(() => console.log("later task, 2 ms"), 2)
	sleep(10)
	setTimeout(() => console.log("later task, 1 ms"), 1)
}, 30)`
	if err := rt.RunString(context.Background(), "timers.js", src); err != nil {
		t.Fatal(err)
	}
	want := "set after 40 ms, 10 ms\nset first, 20 ms\nlater task, 1 ms\nlater task, 2 ms\n"
	if out.String() != want {
		t.Errorf("order:\n%s\nwant:\n%s", out, want)
	}
}

func TestTimeoutIsExit124(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{Timeout: 50 * time.Millisecond})
	err := rt.RunString(context.Background(), "t.js", "while (true) {}")
	if runtime.ExitCode(err) != runtime.ExitTimeout || !errors.Is(err, runtime.ErrTimeout) {
		t.Fatalf("got %v, want a timeout (124)", err)
	}
	if !strings.Contains(err.Error(), "ran longer than 50ms") {
		t.Errorf("message %q does not name the limit", err)
	}
	// The limit applies to each run, and a quick run passes.
	if err := rt.RunString(context.Background(), "ok.js", "1"); err != nil {
		t.Fatalf("after a timeout: %v", err)
	}
}

// asyncModule is a test module whose later(v, ms) resolves from a goroutine, whose
// hold(v) resolves from a goroutine once release() is called, and whose fail() throws a
// Go error.
type asyncModule struct{ started chan struct{} }

type quotaError struct{ left int }

func (e *quotaError) Error() string { return fmt.Sprintf("quota exhausted (%d left)", e.left) }

func (m *asyncModule) Name() string   { return "async" }
func (m *asyncModule) IsGlobal() bool { return true }
func (m *asyncModule) Instantiate(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	o := vm.NewObject()
	_ = o.Set("later", func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0).Export()
		ms := call.Argument(1).ToInteger()
		p, resolve, reject := vm.NewPromise()
		enqueue := h.RegisterCallback()
		ctx := h.Context()
		go func() {
			if m.started != nil {
				m.started <- struct{}{}
			}
			select {
			case <-time.After(time.Duration(ms) * time.Millisecond):
				enqueue(func() error { return resolve(v) })
			case <-ctx.Done():
				enqueue(func() error { return reject(vm.NewGoError(ctx.Err())) })
			}
		}()
		return vm.ToValue(p)
	})
	released := make(chan struct{})
	var releaseOnce sync.Once
	_ = o.Set("hold", func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0).Export()
		p, resolve, reject := vm.NewPromise()
		enqueue := h.RegisterCallback()
		ctx := h.Context()
		go func() {
			select {
			case <-released:
				enqueue(func() error { return resolve(v) })
			case <-ctx.Done():
				enqueue(func() error { return reject(vm.NewGoError(ctx.Err())) })
			}
		}()
		return vm.ToValue(p)
	})
	_ = o.Set("release", func(goja.FunctionCall) goja.Value {
		releaseOnce.Do(func() { close(released) })
		return goja.Undefined()
	})
	_ = o.Set("fail", func(goja.FunctionCall) goja.Value {
		panic(vm.NewGoError(&quotaError{left: 0}))
	})
	return o, nil
}

// The loop waits for callbacks modules registered, also after the script's last line
// ran: "second" is settled by a goroutine only once the script has printed everything
// else. The order does not depend on timing: "first" is printed by the reaction
// registered before Promise.all's, and "second" is released at the end.
func TestLoopWaitsForRegisteredCallbacks(t *testing.T) {
	rt, out, _ := newRT(t, runtime.Options{Modules: []bindings.Module{&asyncModule{}}})
	err := rt.RunString(context.Background(), "a.js", `
		async.hold('second').then(console.log);
		const first = require('async').later('first', 5);
		first.then(console.log);
		const all = await Promise.all([first, async.later(1, 10), async.later(2, 1)]);
		console.log(all);
		async.release();
	`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "first\n[ 'first', 1, 2 ]\nsecond\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
}

func TestCancelReachesModuleGoroutines(t *testing.T) {
	m := &asyncModule{started: make(chan struct{}, 1)}
	rt, _, _ := newRT(t, runtime.Options{Modules: []bindings.Module{m}})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-m.started; cancel() }()
	err := rt.RunString(ctx, "c.js", "async.later('x', 60000).then(console.log)")
	if runtime.ExitCode(err) != runtime.ExitInterrupted {
		t.Fatalf("got %v, want exit 130", err)
	}
	if err := rt.RunString(context.Background(), "d.js", "async.later(1, 1).then(v => { if (v !== 1) throw new Error('bad') })"); err != nil {
		t.Fatalf("after cancel: %v", err)
	}
}

func TestGoErrorFromModule(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{Modules: []bindings.Module{&asyncModule{}}})
	err := rt.RunString(context.Background(), "q.js", "function go() {\n  async.fail();\n}\ngo();")
	var se *runtime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("got %T %v, want a ScriptError", err, err)
	}
	var qe *quotaError
	if !errors.As(err, &qe) {
		t.Errorf("errors.As does not reach the module's Go error")
	}
	text := err.Error()
	for _, want := range []string{"q.js:2:", "Uncaught Error: quota exhausted (0 left)", "  async.fail();", "at go (q.js:2:", "at q.js:4:"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "goroutine") || strings.Contains(text, ".go:") {
		t.Errorf("report shows Go internals:\n%s", text)
	}
}

type brokenModule struct{ global bool }

func (m brokenModule) Name() string   { return "broken" }
func (m brokenModule) IsGlobal() bool { return m.global }
func (m brokenModule) Instantiate(bindings.Host) (goja.Value, error) {
	return nil, errors.New("no licence")
}

func TestModuleInstantiateError(t *testing.T) {
	rt, out, _ := newRT(t, runtime.Options{Modules: []bindings.Module{brokenModule{global: true}}})
	err := rt.RunString(context.Background(), "b.js", `
		try { require('broken') } catch (e) { console.log(e.message) }
		broken;
	`)
	if out.String() != "module \"broken\" could not be loaded: no licence\n" {
		t.Errorf("stdout %q", out.String())
	}
	if err == nil || !strings.Contains(err.Error(), "b.js:3:") || !strings.Contains(err.Error(), "no licence") {
		t.Errorf("got %v", err)
	}
}

func TestEvalKeepsDeclarationsAndAwaits(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	ctx := context.Background()
	steps := []struct{ src, want string }{
		{"let a = 2; a * 3", "6"},
		{"const b = await Promise.resolve(a + 1)", "undefined"},
		{"b", "3"},
		{"class Box { constructor(v) { this.v = v } }; new Box(b)", "Box { v: 3 }"},
		{"const { v } = await Promise.resolve(new Box(7)); v", "7"},
		{"function twice(x) { return 2 * x }\nawait null; twice(v)", "14"},
		{"twice(a)", "4"},
		{"{ x: 1, y: [1, 2] }", "{ x: 1, y: [ 1, 2 ] }"},
		{"Promise.resolve('auto-awaited')", "'auto-awaited'"},
		{"await new Promise(r => setTimeout(() => r('timer'), 5))", "'timer'"},
	}
	for _, s := range steps {
		v, err := rt.Eval(ctx, s.src)
		if err != nil {
			t.Fatalf("Eval(%q): %v", s.src, err)
		}
		if got := rt.Inspect(v); got != s.want {
			t.Errorf("Eval(%q) = %s, want %s", s.src, got, s.want)
		}
	}
	_, err := rt.Eval(ctx, "nope()")
	var se *runtime.ScriptError
	if !errors.As(err, &se) || se.Headline() != "Uncaught ReferenceError: nope is not defined" {
		t.Errorf("got %v", err)
	}
	if _, err := rt.Eval(ctx, "await Promise.reject(new RangeError('r'))"); err == nil || !strings.Contains(err.Error(), "Uncaught RangeError: r") {
		t.Errorf("rejected await: %v", err)
	}
	if v, err := rt.Eval(ctx, "a"); err != nil || v.ToInteger() != 2 {
		t.Errorf("after errors a = %v, %v", v, err)
	}
}

func TestInspectColors(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{Color: true})
	var got string
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		v, err := vm.RunString("({ n: 1, s: 'x', u: undefined, f() {} })")
		if err != nil {
			return err
		}
		got = rt.Inspect(v)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "{ n: \x1b[33m1\x1b[39m, s: \x1b[32m'x'\x1b[39m, u: \x1b[90mundefined\x1b[39m, f: \x1b[36m[Function: f]\x1b[39m }"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestConsoleTime(t *testing.T) {
	rt, out, errb := newRT(t, runtime.Options{})
	err := rt.RunString(context.Background(), "time.js", "console.time('load'); sleep(5); console.timeLog('load', 'half'); console.timeEnd('load'); console.timeEnd('load')")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^load: \d+\.\d{3}ms half\nload: \d+\.\d{3}ms\n$`).MatchString(out.String()) {
		t.Errorf("stdout %q", out.String())
	}
	if errb.String() != "Warning: No such label 'load' for console.timeEnd()\n" {
		t.Errorf("stderr %q", errb.String())
	}
}

func TestConcurrentRuntimes(t *testing.T) {
	const n = 20
	var wg sync.WaitGroup
	errs := make([]error, n)
	outs := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			rt, err := runtime.New(runtime.Options{Stdout: &out, Args: []string{fmt.Sprint(i)}, Modules: []bindings.Module{&asyncModule{}}})
			if err != nil {
				errs[i] = err
				return
			}
			defer rt.Close()
			errs[i] = rt.RunString(context.Background(), "c.js", `
				const id = Number(process.argv[2]);
				const vals = await Promise.all([async.later(id, 3), new Promise(r => setTimeout(() => r(id * 2), 2))]);
				console.log({ id, vals, m: new Map([[id, [id]]]) });
			`)
			outs[i] = out.String()
		}()
	}
	wg.Wait()
	for i := range n {
		want := fmt.Sprintf("{ id: %d, vals: [ %d, %d ], m: Map(1) { %d => [ %d ] } }\n", i, i, 2*i, i, i)
		if errs[i] != nil || outs[i] != want {
			t.Errorf("runtime %d: %v %q, want %q", i, errs[i], outs[i], want)
		}
	}
}

func TestExitCode(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errors.New("plain"), 1},
		{&runtime.ExitError{Code: 7}, 7},
		{fmt.Errorf("wrapped: %w", &runtime.InterruptError{Code: runtime.ExitTimeout}), 124},
		{&runtime.ScriptError{}, 1},
	}
	for _, c := range cases {
		if got := runtime.ExitCode(c.err); got != c.want {
			t.Errorf("ExitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

func TestRequireSources(t *testing.T) {
	ctx := context.Background()
	// No ModuleFS and no file access: require of files is refused with a reason.
	rt, _, _ := newRT(t, runtime.Options{})
	err := rt.RunString(ctx, "r.js", "require('./lib')")
	if err == nil || !strings.Contains(err.Error(), "Cannot find module './lib' (require of files needs Options.ModuleFS or the FileAccess capability)") {
		t.Errorf("got %v", err)
	}
	// ModuleFS: modules resolve relative to the requiring file, and cannot escape.
	mfs := fstest.MapFS{
		"app/main.js":    {Data: []byte("console.log(require('./util/x').v, require('../shared.json').k)")},
		"app/util/x.js":  {Data: []byte("exports.v = 'x'")},
		"shared.json":    {Data: []byte(`{"k": 5}`)},
		"app/escape.js":  {Data: []byte("require('../../outside.js')")},
		"app/cwd.js":     {Data: []byte("process.cwd()")},
		"app/bad_key.js": {Data: []byte("require(5)")},
		"app/bad.json":   {Data: []byte("{\"k\":\n 5,}")},
		"app/badjson.js": {Data: []byte("require('./bad.json')")},
	}
	rt, out, _ := newRT(t, runtime.Options{ModuleFS: mfs})
	if err := rt.RunFile(ctx, "app/main.js"); err != nil || out.String() != "x 5\n" {
		t.Errorf("ModuleFS: %v %q", err, out.String())
	}
	if err := rt.RunFile(ctx, "app/escape.js"); err == nil || !strings.Contains(err.Error(), "Cannot find module '../../outside.js'") {
		t.Errorf("escape: %v", err)
	}
	if err := rt.RunFile(ctx, "app/cwd.js"); err == nil || !strings.Contains(err.Error(), "process.cwd() needs the FileAccess capability") {
		t.Errorf("cwd: %v", err)
	}
	if err := rt.RunFile(ctx, "app/bad_key.js"); err == nil || !strings.Contains(err.Error(), "TypeError: require: the module name must be a string, got a number") {
		t.Errorf("require(5): %v", err)
	}
	if err := rt.RunFile(ctx, "app/badjson.js"); err == nil || !strings.Contains(err.Error(), "app/bad.json:2:4\nUncaught SyntaxError: invalid JSON: invalid character '}'") {
		t.Errorf("invalid .json module: %v", err)
	}
	// FileAccess: the OS file system, relative to the script's path.
	dir := t.TempDir()
	_ = os.WriteFile(filepath.Join(dir, "main.js"), []byte("#!/usr/bin/env dkscript\nconsole.log(require('./m').v)"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "m.js"), []byte("#!/usr/bin/env node\nexports.v = 'from disk'"), 0o644)
	rt, out, _ = newRT(t, runtime.Options{Capabilities: runtime.Capabilities{FileAccess: true}})
	if err := rt.RunFile(ctx, filepath.Join(dir, "main.js")); err != nil || out.String() != "from disk\n" {
		t.Errorf("FileAccess: %v %q", err, out.String())
	}
}

func TestEnvNeedsCapability(t *testing.T) {
	env := map[string]string{"SECRET": "s3cr3t"}
	// Env without the capability would be ignored: New refuses it, naming both.
	_, err := runtime.New(runtime.Options{Env: env})
	if err == nil || !strings.Contains(err.Error(), "Options.Env is set but Capabilities.Env is not granted") || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("Env without the capability: %v", err)
	}
	rt, out, _ := newRT(t, runtime.Options{})
	if err := rt.RunString(context.Background(), "e.js", "console.log(process.env)"); err != nil || out.String() != "{}\n" {
		t.Errorf("without Env: %v %q", err, out.String())
	}
	rt, out, _ = newRT(t, runtime.Options{Env: env, Capabilities: runtime.Capabilities{Env: true}})
	if err := rt.RunString(context.Background(), "e.js", "console.log(process.env)"); err != nil || out.String() != "{ SECRET: 's3cr3t' }\n" {
		t.Errorf("with Env: %v %q", err, out.String())
	}
}

func TestBusyAndClosed(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	var inner error
	err := rt.Do(context.Background(), func(*goja.Runtime) error {
		inner = rt.RunString(context.Background(), "x.js", "1")
		return nil
	})
	if err != nil || !errors.Is(inner, runtime.ErrBusy) {
		t.Errorf("nested run: %v, %v", err, inner)
	}
	rt.Close()
	if err := rt.RunString(context.Background(), "x.js", "1"); !errors.Is(err, runtime.ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}

func TestMaxCallStackSize(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{MaxCallStackSize: 50})
	err := rt.RunString(context.Background(), "deep.js", "function f(n) { return n === 0 ? 0 : 1 + f(n - 1) }\nconsole.log(f(40));\nf(100)")
	if err == nil || !strings.Contains(err.Error(), "deep.js:1:") || !strings.Contains(err.Error(), "Uncaught RangeError: Maximum call stack size exceeded") {
		t.Errorf("got %v", err)
	}
}

func TestDaktelaGlobalCanBeShadowed(t *testing.T) {
	rt, out, _ := newRT(t, runtime.Options{})
	err := rt.RunString(context.Background(), "s.js", "const daktela = require('daktela');\nconsole.log(typeof daktela.buildReadRequest)")
	if err != nil || out.String() != "function\n" {
		t.Errorf("%v %q", err, out.String())
	}
}

func TestRejectionInTimerCallback(t *testing.T) {
	rt, out, _ := newRT(t, runtime.Options{})
	err := rt.RunString(context.Background(), "r.js", "setTimeout(() => {\n  Promise.reject(new TypeError('late'));\n}, 1);\nsetTimeout(() => console.log('never'), 100);")
	if err == nil || !strings.HasPrefix(err.Error(), "r.js:2:18\nUncaught (in promise) TypeError: late") {
		t.Errorf("got %v", err)
	}
	if out.String() != "" {
		t.Errorf("stdout %q", out.String())
	}
}

func BenchmarkNewEmptyScript(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		rt, err := runtime.New(runtime.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := rt.RunString(ctx, "empty.js", ""); err != nil {
			b.Fatal(err)
		}
		rt.Close()
	}
}

func BenchmarkConsoleLogObject(b *testing.B) {
	rt, err := runtime.New(runtime.Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		b.Fatal(err)
	}
	defer rt.Close()
	b.ReportAllocs()
	for b.Loop() {
		if err := rt.RunString(context.Background(), "log.js", "console.log({ id: 1, name: 'alice', tags: ['a', 'b'], meta: { created: new Date(0) } })"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestProcessExitFromCallbacks(t *testing.T) {
	mfs := fstest.MapFS{"m.js": {Data: []byte("process.exit(10)")}}
	cases := []struct {
		src  string
		want int
	}{
		{"setTimeout(() => process.exit(5), 1); setTimeout(() => console.log('no'), 20)", 5},
		{"Promise.resolve().then(() => process.exit(6))", 6},
		{"(async () => { await null; process.exit(7) })()", 7},
		{"await null; process.exit(8)", 8},
		{"require('./m')", 10},
		{"process.exit()", 0},
		{"process.exitCode = 9; process.exit()", 9},
		{"try { require('./m') } catch (e) { console.log('caught') }", 10},
	}
	for _, c := range cases {
		rt, out, _ := newRT(t, runtime.Options{ModuleFS: mfs})
		err := rt.RunString(context.Background(), "x.js", c.src)
		var ee *runtime.ExitError
		if got := runtime.ExitCode(err); got != c.want || (c.want != 0 && !errors.As(err, &ee)) || out.Len() != 0 {
			t.Errorf("%s: got %v (exit %d, stdout %q), want exit %d", c.src, err, got, out.String(), c.want)
		}
	}
}
