package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// The integration tests run this test binary again as a REPL program (helperEnv set)
// on a pseudo-terminal, and type at it as a person would.
const helperEnv = "DKSCRIPT_REPL_TEST_HELPER"

const helperBanner = "dkscript test REPL"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		os.Exit(helperMain())
	}
	os.Exit(m.Run())
}

// helperMain is a small REPL program: a fake Daktela, a runtime on it, and Run on the
// process's own standard input and output.
func helperMain() int {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	color := os.Getenv("DKSCRIPT_REPL_TEST_COLOR") == "1"
	rt, err := runtime.New(runtime.Options{
		Client:       srv.Client(),
		Stdout:       os.Stdout,
		Stderr:       os.Stderr,
		Color:        color,
		Capabilities: runtime.Capabilities{FileAccess: true, Env: true, NewClients: true},
		Env:          map[string]string{"DAKTELA_TOKEN": srv.Token},
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{})}, // as the CLI's REPL has
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer rt.Close()
	err = Run(context.Background(), rt, Config{
		Color:   color,
		Banner:  helperBanner,
		Models:  srv.Models(),
		Secrets: []string{srv.Token},
	})
	if err != nil {
		var ee *runtime.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintln(os.Stderr, "repl:", err)
		}
	}
	return runtime.ExitCode(err)
}

// helperCommand is the test binary as the REPL program, with its own home and state
// directories.
func helperCommand(t *testing.T, color bool) (*exec.Cmd, string) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	env := []string{helperEnv + "=1", "TERM=xterm", "HOME=" + home, "XDG_STATE_HOME=" + filepath.Join(home, "state"), "PATH=" + os.Getenv("PATH"),
		// Under go test -race the helper is race-built: without this it sleeps a second at
		// exit (atexit_sleep_ms) for late race reports; a race is still reported.
		"GORACE=" + strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0")}
	if color {
		env = append(env, "DKSCRIPT_REPL_TEST_COLOR=1")
	}
	cmd.Env = env
	cmd.Dir = home
	return cmd, home
}

// console is a REPL program on a pseudo-terminal: what it printed so far, and a mark
// after the last thing expected.
type console struct {
	t    *testing.T
	ptmx *os.File
	out  *syncBuffer
	mark int
	done chan error
}

var ansiSeq = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// screen is the output so far without ANSI sequences.
func (c *console) screen() string { return ansiSeq.ReplaceAllString(c.out.String(), "") }

// expect waits (at most 20 s) until want appears after the mark, and moves the mark
// past it.
func (c *console) expect(want string) {
	c.t.Helper()
	for i := 0; i < 2000; i++ {
		s := c.screen()
		if i := strings.Index(s[min(c.mark, len(s)):], want); i >= 0 {
			c.mark += i + len(want)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	c.t.Fatalf("did not see %q; the screen after the mark:\n%s", want, c.screen()[min(c.mark, len(c.screen())):])
}

// typeIn types s (use \r for Enter, \t for Tab, \x03 for Ctrl-C, \x04 for Ctrl-D).
func (c *console) typeIn(s string) {
	c.t.Helper()
	if _, err := c.ptmx.Write([]byte(s)); err != nil {
		c.t.Fatal(err)
	}
}

// wait waits (at most 20 s) for the program to end and returns its exit code.
func (c *console) wait() int {
	c.t.Helper()
	select {
	case err := <-c.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			c.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		c.t.Fatalf("the REPL did not exit; screen:\n%s", c.screen())
		return -1
	}
}

func startConsole(t *testing.T, cmd *exec.Cmd) *console {
	t.Helper()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	c := &console{t: t, ptmx: ptmx, out: &syncBuffer{}, done: make(chan error, 1)}
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		_, _ = io.Copy(c.out, ptmx)
	}()
	go func() { c.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
		ptmx.Close()
		<-copied
	})
	return c
}

func TestTerminalSession(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a REPL process on a pseudo-terminal")
	}
	cmd, home := helperCommand(t, true)
	script := filepath.Join(home, "lib.js")
	must(t, os.WriteFile(script, []byte("const fromFile = 'loaded' + '-ok'\nfunction fileFn(x) {\n  return x * 10\n}\nfromFile\n"), 0o644))
	c := startConsole(t, cmd)

	c.expect(helperBanner)
	c.expect("> ")

	// Completion: a daktela function, a model name, a builder method on a variable.
	c.typeIn("const req = daktela.buildReadReq\t")
	c.expect("daktela.buildReadRequest(")
	c.typeIn(`"Queu` + "\t")
	c.expect(`buildReadRequest("Queues"`)
	c.typeIn(")\r")
	c.expect("undefined")
	c.typeIn("req.setT\t")
	c.expect("req.setTake(")
	c.typeIn("2)\r")
	c.expect("ReadRequest")
	c.typeIn("daktela.client().execute(req)\r")
	c.expect("Response 200")
	c.expect("2 of 2 records shown")
	c.expect("│ # │ name")

	// Multi-line input continues with "...".
	c.typeIn("function add(a, b) {\r")
	c.expect("... ")
	c.typeIn("return a + b\r")
	c.expect("... ")
	c.typeIn("}\r")
	c.expect("undefined")
	c.typeIn("add(20, 22)\r")
	c.expect("42")

	// Top-level await.
	c.typeIn("await new Promise(r => setTimeout(() => r('wait' + 'ed'), 20))\r")
	c.expect("'waited'")

	// .load, then what it declared.
	c.typeIn(".load " + script + "\r")
	c.expect("'loaded-ok'")
	c.typeIn("fileFn(4)\r")
	c.expect("40")

	// Ctrl-C stops an endless loop; the session goes on.
	c.typeIn("console.log('spin' + 'ning'); while (true) {}\r")
	c.expect("spinning")
	c.typeIn("\x03")
	c.expect("Interrupted")
	c.expect("> ")
	c.typeIn("'still' + ' here'\r")
	c.expect("'still here'")

	// A line with a leading space and one with the token stay out of the history.
	c.typeIn(" 'private'\r")
	c.expect("'private'")
	c.typeIn("process.env.DAKTELA_TOKEN\r")
	c.expect("'***'")

	// Ctrl-C at the prompt clears the line; twice on an empty line exits.
	c.typeIn("half typed")
	c.expect("half typed")
	c.typeIn("\x03")
	c.expect("^C")
	c.expect("> ")
	c.typeIn("'after' + ' clearing'\r")
	c.expect("'after clearing'")
	c.typeIn("\x03")
	c.expect(exitHint)
	c.typeIn("\x03")
	if code := c.wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if os.Getenv("DKSCRIPT_REPL_TEST_SHOW") != "" {
		t.Logf("screen:\n%s", c.out.String())
	}
	if strings.Contains(c.out.String(), daktelatest.DefaultToken) {
		t.Error("the token appeared on the terminal")
	}

	// The history file: private, the entries typed, none hidden or secret.
	hist := filepath.Join(home, "state", "dkscript", "repl_history")
	fi, err := os.Stat(hist)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("history mode %v", fi.Mode().Perm())
	}
	data, err := os.ReadFile(hist)
	if err != nil {
		t.Fatal(err)
	}
	h := string(data)
	for _, want := range []string{"add(20, 22)\n", "return a + b\n", ".load " + script + "\n", "process.env.DAKTELA_TOKEN\n"} {
		if !strings.Contains(h, want) {
			t.Errorf("history lacks %q:\n%s", want, h)
		}
	}
	if strings.Contains(h, "private") || strings.Contains(h, "half typed") {
		t.Errorf("history holds what it must not:\n%s", h)
	}
}

func TestTerminalHistoryAndCtrlD(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a REPL process on a pseudo-terminal")
	}
	cmd, home := helperCommand(t, false)
	hist := filepath.Join(home, "state", "dkscript", "repl_history")
	must(t, os.MkdirAll(filepath.Dir(hist), 0o700))
	must(t, os.WriteFile(hist, []byte("'from ' + 'history'\n"), 0o600))
	c := startConsole(t, cmd)
	c.expect("> ")
	// Up recalls the last session's line.
	c.typeIn("\x1b[A\r")
	c.expect("'from history'")
	// Ctrl-C in the middle of an entry drops it.
	c.typeIn("if (true) {\r")
	c.expect("... ")
	c.typeIn("\x03")
	c.expect("> ")
	c.typeIn("'fresh'\r")
	c.expect("'fresh'")
	if strings.Contains(c.out.String(), "\x1b[3") {
		t.Error("colour without Config.Color")
	}
	c.typeIn("\x04")
	if code := c.wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestPipedSession(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a REPL process")
	}
	cmd, _ := helperCommand(t, true)
	out, errOut, err := runPiped(t, cmd, "const a = 2\nfunction f() {\n  return a * 21\n}\nf()\nawait Promise.resolve('done')\nnosuch\n'after error'\nprocess.exit(4)\n'not reached'\n")
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 4 {
		t.Errorf("exit: %v, want code 4", err)
	}
	if got, want := out, "undefined\nundefined\n42\n'done'\n'after error'\n"; got != want {
		t.Errorf("stdout %q, want %q (no banner, prompts or colour)", got, want)
	}
	if !strings.Contains(errOut, "Uncaught ReferenceError: nosuch is not defined") {
		t.Errorf("stderr %q", errOut)
	}
}

// runPiped runs the REPL process cmd with input on its standard input (no terminal)
// and returns what it wrote and how it exited; a REPL that does not end within 20 s
// (a safety bound, not a measured time) fails the test.
func runPiped(t *testing.T, cmd *exec.Cmd, input string) (stdout, stderr string, err error) {
	t.Helper()
	cmd.Stdin = strings.NewReader(input)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	must(t, cmd.Start())
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		t.Fatal("the piped REPL did not end")
	}
	return out.String(), errOut.String(), err
}
