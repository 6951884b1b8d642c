package repl

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

func TestSessionEvaluates(t *testing.T) {
	h := newTestHost(t, false)
	goRes, err := h.client.Execute(context.Background(), daktela.NewReadRequest("users"))
	if err != nil {
		t.Fatal(err)
	}
	p := newFakePrompter(false, typed(
		"1 + 2",
		"let a = 40",
		"a + 2",
		"function twice(x) {",
		"  return x * 2",
		"}",
		"twice(a)",
		"const r = await Promise.resolve(5)",
		"r * 3",
		"const viaAsync = await daktela.client().executeAsync(daktela.buildReadRequest(\"Users\")); viaAsync.getTotal()",
		"6 * 7",
		"_ + 1",
		"nosuch()",
		"_error.message",
		"daktela.client().execute(daktela.buildReadRequest(\"Users\"))",
		"_.getTotal() === "+strconv.Itoa(goRes.Total()),
		"console.table([{ id: 1, who: 'x' }])",
		"`multi",
		"line`",
		"({ a: 1, b: [1, 2] })",
	)...)
	// The piped session's entries that threw make its end an error (exit code 1).
	wantFailed(t, h.session(t, p, Config{}, nil), 1)
	out := h.stdout.String()
	t.Logf("stdout:\n%s\nstderr:\n%s", out, h.stderr)
	want := []string{
		"3",
		"undefined",
		"42",
		"undefined",
		"80",
		"undefined",
		"15",
		strconv.Itoa(goRes.Total()),
		"42",
		"43",
		"'nosuch is not defined'",
	}
	got := lines(out)
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Fatalf("results:\n%q\nwant first:\n%q", got, want)
	}
	rest := strings.Join(got[len(want):], "\n")
	for _, w := range []string{
		"Response 200 · total " + strconv.Itoa(goRes.Total()),
		"\ntrue\n",
		"│ (index) │ id │ who │",
		"'multi\\nline'",
		"{ a: 1, b: [ 1, 2 ] }",
	} {
		if !strings.Contains(rest, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour in piped mode")
	}
	// The error is reported as `run` reports it, and the session went on.
	if e := h.stderr.String(); !strings.Contains(e, "Uncaught ReferenceError: nosuch is not defined") || !strings.Contains(e, "nosuch()\n      ^") {
		t.Errorf("stderr: %q", e)
	}
	// Piped input shows no prompts.
	for _, pr := range p.prompts {
		if pr != "" {
			t.Errorf("prompt %q shown to piped input", pr)
		}
	}
}

func TestSessionInteractive(t *testing.T) {
	h := newTestHost(t, true)
	secret := h.srv.Token
	p := newFakePrompter(true,
		append(typed(
			"if (true) {",
			"  1",
		), append([]fakeInput{ctrlC}, append(typed(
			"[1, 2",
			".break",
			" let hidden = 1",
			"const token = '"+secret+"'",
			"token",
			"'x'.repeat(2)",
			"undefined",
		), ctrlC, ctrlC, fakeInput{line: "never evaluated"})...)...)...)
	if err := h.session(t, p, Config{Prompt: "dk> ", Secrets: []string{secret}, Color: true}, nil); err != nil {
		t.Fatalf("Run: %v", err)
	}
	out := h.stdout.String()
	t.Logf("stdout:\n%s\nstderr:\n%s", out, h.stderr)
	wantPrompts := []string{"dk> ", "... ", "... ", "dk> ", "... ", "dk> ", "dk> ", "dk> ", "dk> ", "dk> ", "dk> ", "dk> "}
	if !slices.Equal(p.prompts, wantPrompts) {
		t.Errorf("prompts %q, want %q", p.prompts, wantPrompts)
	}
	if strings.Contains(out, secret) {
		t.Error("the token was printed")
	}
	for _, w := range []string{"'***'", "\x1b[32m'xx'\x1b[39m", exitHint} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if strings.Count(out, exitHint) != 1 {
		t.Errorf("exit hint shown %d times", strings.Count(out, exitHint))
	}
	// Entries with a leading space or the token stay out of the history.
	for _, l := range p.history {
		if strings.HasPrefix(l, " ") || strings.Contains(l, secret) {
			t.Errorf("history holds %q", l)
		}
	}
	if !slices.Contains(p.history, "'x'.repeat(2)") || !slices.Contains(p.history, ".break") {
		t.Errorf("history %q", p.history)
	}
}

func TestSessionExits(t *testing.T) {
	for _, c := range []struct {
		name   string
		inputs []fakeInput
		code   int // the ExitError's code; 0: Run returns nil
	}{
		{".exit", typed("1", ".exit", "never()"), 0},
		{"ctrl-d", []fakeInput{{line: "1"}, ctrlD, {line: "never()"}}, 0},
		{"ctrl-d in an entry", []fakeInput{{line: "if (x) {"}, ctrlD, {line: "never()"}}, 0},
		{"exit in an entry", typed("if (x) {", ".exit", "never()"), 0},
		{"process.exit(0)", typed("process.exit(0)", "never()"), 0},
		{"process.exit(3)", typed("process.exit(3)", "never()"), 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newTestHost(t, false)
			h.eval(t, "globalThis.never = () => { throw new Error('evaluated after the end') }; undefined")
			err := h.session(t, newFakePrompter(true, c.inputs...), Config{}, nil)
			var ee *runtime.ExitError
			switch {
			case c.code == 0 && err != nil:
				t.Errorf("Run: %v", err)
			case c.code != 0 && (!errors.As(err, &ee) || ee.Code != c.code):
				t.Errorf("Run: %v, want exit code %d", err, c.code)
			}
			if strings.Contains(h.stderr.String(), "after the end") {
				t.Error("input after the end was evaluated")
			}
		})
	}
}

func TestSessionLoadSave(t *testing.T) {
	h := newTestHost(t, false)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.js")
	bad := filepath.Join(dir, "bad.js")
	saved := filepath.Join(dir, "saved.js")
	must(t, os.WriteFile(good, []byte("const loaded = 41\nfunction inc(x) { return x + 1 }\nconst viaAwait = await Promise.resolve('ok')\ninc(loaded)\n"), 0o644))
	must(t, os.WriteFile(bad, []byte("const fine = 1\nnull.boom\n"), 0o644))
	secret := h.srv.Token
	p := newFakePrompter(false, typed(
		".load "+good,
		"loaded + ':' + viaAwait",
		".load "+bad,
		".load "+filepath.Join(dir, "missing.js"),
		"let kept = 'k'",
		"let tok = '"+secret+"'",
		"function three() {",
		"  return 3",
		"}",
		".save "+saved,
		".nosuch",
	)...)
	wantFailed(t, h.session(t, p, Config{Secrets: []string{secret}}, nil), 3)
	out, errOut := h.stdout.String(), h.stderr.String()
	t.Logf("stdout:\n%s\nstderr:\n%s", out, errOut)
	if got := lines(out); len(got) < 2 || got[0] != "42" || got[1] != "'41:ok'" {
		t.Errorf("load results: %q", got)
	}
	// The error in a loaded file names the file and line.
	if !strings.Contains(errOut, bad+":2:") || !strings.Contains(errOut, "TypeError") {
		t.Errorf("load error does not name %s:2: %q", bad, errOut)
	}
	if !strings.Contains(errOut, "cannot read "+filepath.Join(dir, "missing.js")) {
		t.Errorf("missing file: %q", errOut)
	}
	if !strings.Contains(errOut, "Invalid REPL keyword .nosuch") {
		t.Errorf("unknown command: %q", errOut)
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), secret) {
		t.Error(".save wrote the token")
	}
	// Loaded files are part of the session; entries that failed are not saved.
	if strings.Contains(string(data), "null.boom") || !strings.Contains(string(data), "const loaded = 41\n") ||
		!strings.Contains(string(data), "let kept = 'k'\nfunction three() {\n  return 3\n}\n") || !strings.Contains(out, "1 entry holding a credential left out") {
		t.Errorf("saved %q; stdout %q", data, out)
	}
	// The saved session loads back into a fresh runtime.
	h2 := newTestHost(t, false)
	if err := h2.session(t, newFakePrompter(false, typed(".load "+saved, "kept + three() + loaded")...), Config{}, nil); err != nil {
		t.Fatal(err)
	}
	if got := lines(h2.stdout.String()); got[len(got)-1] != "'k341'" {
		t.Errorf("reloaded: %q (stderr %q)", got, h2.stderr)
	}
}

func TestSessionEditor(t *testing.T) {
	h := newTestHost(t, false)
	inputs := append(typed(".editor", "function g() {", "  return 7 }", "g() * 2"), ctrlD)
	inputs = append(inputs, typed(".editor", "throw new Error('cancelled code ran')")...)
	inputs = append(inputs, ctrlC)
	inputs = append(inputs, typed("g()")...)
	p := newFakePrompter(true, inputs...)
	if err := h.session(t, p, Config{}, nil); err != nil {
		t.Fatal(err)
	}
	out := h.stdout.String()
	if !strings.Contains(out, "Entering editor mode") || !strings.Contains(out, "\n14\n") || !strings.HasSuffix(out, "\n7\n\n") {
		t.Errorf("stdout %q", out)
	}
	if h.stderr.String() != "" {
		t.Errorf("stderr %q", h.stderr)
	}
	// No "..." prompt in editor mode.
	if slices.Contains(p.prompts, continuationPrompt) {
		t.Errorf("prompts %q", p.prompts)
	}
}

func TestSessionHelp(t *testing.T) {
	h := newTestHost(t, false)
	if err := h.session(t, newFakePrompter(false, typed(".help")...), Config{}, nil); err != nil {
		t.Fatal(err)
	}
	out := h.stdout.String()
	for _, c := range commands {
		if !strings.Contains(out, "."+c.name) {
			t.Errorf("help lacks .%s", c.name)
		}
	}
	// The API part is the declarations' overview, every line of it.
	for _, line := range strings.Split(strings.TrimRight(jstypes.Overview(), "\n"), "\n") {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("help lacks the overview line %q", line)
		}
	}
	for _, w := range []string{"buildReadRequest()", "ReadRequest ", "Response ", "Client ", "csv ", ".help NAME"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
	if h.stderr.String() != "" {
		t.Errorf("stderr %q", h.stderr)
	}
}

// .help NAME prints what jstypes.Describe says of NAME, in the forms a user types; an
// unknown name is an error on stderr with suggestions, and the session goes on.
func TestSessionHelpName(t *testing.T) {
	h := newTestHost(t, false)
	lines := typed(".help daktela.Client", ".help ReadRequest.addFilter()", ".help Users", ".help buildReadReqest", "1 + 1")
	wantFailed(t, h.session(t, newFakePrompter(false, lines...), Config{}, nil), 1)
	out := h.stdout.String()
	for _, name := range []string{"daktela.Client", "ReadRequest.addFilter()"} {
		want, err := jstypes.Describe(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, want) {
			t.Errorf(".help %s: output lacks\n%s\ngot\n%s", name, want, out)
		}
	}
	// A model: its fields with their types, from the model catalogue.
	model, ok := jstypes.DescribeModel("Users")
	if !ok || !strings.Contains(out, strings.TrimRight(model, "\n")) || !strings.Contains(model, "profile") {
		t.Errorf(".help Users: output lacks the model's description\n%s\ngot\n%s", model, out)
	}
	for _, w := range []string{"executeAsync()", "addFilter("} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	_, wantErr := jstypes.Describe("buildReadReqest")
	if wantErr == nil || h.stderr.String() != ".help: "+wantErr.Error()+"\n" {
		t.Errorf("stderr %q, want .help: %v", h.stderr, wantErr)
	}
	if !strings.HasSuffix(out, "2\n") {
		t.Errorf("the session did not go on after the unknown name: %q", out)
	}
}

// waitFor polls until cond holds, for at most 20 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 4000; i++ {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestSessionCtrlCInterruptsCode(t *testing.T) {
	// A slow server: the read below would take a minute.
	slow := daktelatest.NewServer(daktelatest.Options{Latency: time.Minute})
	defer slow.Close()
	h := newTestHost(t, false)
	interrupt := make(chan os.Signal, 1)
	p := newFakePrompter(false, typed(
		"console.log('spinning'); while (true) {}",
		"'after the loop'",
		"const slowClient = new daktela.Client('"+slow.URL+"', '"+slow.Token+"'); undefined",
		"console.log('reading'); slowClient.execute(daktela.buildReadRequest('Users'))",
		"'after the read'",
	)...)
	go func() {
		waitFor(t, "the loop to start", func() bool { return strings.Contains(h.stdout.String(), "spinning") })
		interrupt <- os.Interrupt
		waitFor(t, "the read to start", func() bool { return strings.Contains(h.stdout.String(), "reading") })
		interrupt <- os.Interrupt
	}()
	err := h.session(t, p, Config{}, interrupt)
	wantFailed(t, err, 2)
	out, errOut := h.stdout.String(), h.stderr.String()
	t.Logf("stdout:\n%s\nstderr:\n%s", out, errOut)
	if !strings.Contains(out, "'after the loop'") || !strings.Contains(out, "'after the read'") {
		t.Errorf("the session did not go on: %q", out)
	}
	if strings.Count(errOut, "Interrupted") != 2 {
		t.Errorf("stderr: %q", errOut)
	}
}

func TestSessionCtrlCWhilePipedInputWaits(t *testing.T) {
	h := newTestHost(t, false)
	interrupt := make(chan os.Signal, 1)
	never := make(chan struct{})
	defer close(never)
	p := newFakePrompter(false, fakeInput{line: "1"}, fakeInput{wait: never})
	go func() {
		waitFor(t, "the first result", func() bool { return h.stdout.String() == "1\n" })
		interrupt <- os.Interrupt
	}()
	err := h.session(t, p, Config{}, interrupt)
	var ie *runtime.InterruptError
	if !errors.As(err, &ie) || runtime.ExitCode(err) != runtime.ExitInterrupted {
		t.Errorf("Run: %v, want an interrupt (exit code %d)", err, runtime.ExitInterrupted)
	}
}

func TestSessionContextCancelled(t *testing.T) {
	h := newTestHost(t, false)
	never := make(chan struct{})
	defer close(never)
	p := newFakePrompter(true, fakeInput{wait: never})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		waitFor(t, "the prompt", func() bool { p.mu.Lock(); defer p.mu.Unlock(); return len(p.prompts) == 1 })
		cancel()
	}()
	err := newSession(h.rt, Config{Stdout: h.stdout, Stderr: h.stderr, Interrupt: make(chan os.Signal)}, p, nil).run(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v, want context.Canceled", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A loaded file's errors name the file at the line and column the file has, also when
// it uses top-level await, and for a function it declared that fails later; entries
// typed afterwards are still numbered from REPL1.
func TestSessionLoadNamesPositions(t *testing.T) {
	h := newTestHost(t, false)
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.js")
	must(t, os.WriteFile(lib, []byte("const base = await Promise.resolve({ n: 40 })\nfunction check(v) {\n  return v.nope.z\n}\nbase.n + 2;\n  base.missing.x\n"), 0o644))
	p := newFakePrompter(false, typed(
		".load "+lib,
		"(await Promise.resolve(base)).n",
		"check({})",
		"null.y",
	)...)
	wantFailed(t, h.session(t, p, Config{}, nil), 3)
	out, errOut := h.stdout.String(), h.stderr.String()
	t.Logf("stdout:\n%s\nstderr:\n%s", out, errOut)
	// goja reports a failed property read at the property's name.
	const line6 = "  base.missing.x"
	col := strings.LastIndex(line6, "x") + 1
	if !strings.Contains(errOut, lib+":6:"+strconv.Itoa(col)+"\nUncaught TypeError") || !strings.Contains(errOut, line6+"\n"+strings.Repeat(" ", col-1)+"^") {
		t.Errorf("the loaded file's error is not at %s:6:%d with its line: %q", lib, col, errOut)
	}
	if got := lines(out); len(got) != 1 || got[0] != "40" {
		t.Errorf("stdout %q, want the awaited entry's 40", got)
	}
	if !strings.Contains(errOut, "at check ("+lib+":3:") || !strings.Contains(errOut, "at REPL2:1:") {
		t.Errorf("a loaded function's failure names the file, the entry REPL2: %q", errOut)
	}
	if !strings.Contains(errOut, "REPL3:1:") {
		t.Errorf("the third typed entry is REPL3: %q", errOut)
	}
}

// wantFailed checks that a piped session ended with an EntriesFailedError counting n
// failed entries, exit code 1.
func wantFailed(t *testing.T, err error, n int) {
	t.Helper()
	var fe *EntriesFailedError
	if !errors.As(err, &fe) {
		t.Fatalf("Run returned %v; want an EntriesFailedError for %d failed entries", err, n)
	}
	if fe.Failed != n || runtime.ExitCode(err) != runtime.ExitScriptError {
		t.Errorf("Run returned %v (%d failed, exit code %d); want %d failed, exit code %d", err, fe.Failed, runtime.ExitCode(err), n, runtime.ExitScriptError)
	}
}
