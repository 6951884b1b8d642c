package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminalRun is the binary running on a pseudo-terminal (stdin, stdout and stderr),
// as a person starts it: what appeared on the screen, and the means to type at it.
type terminalRun struct {
	t      *testing.T
	ptmx   *os.File
	cmd    *exec.Cmd
	screen *syncBuffer
	mark   int
}

func startOnTerminal(t *testing.T, bin string, args ...string) *terminalRun {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	dir := t.TempDir()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TERM=xterm", "NO_COLOR=1"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	t.Cleanup(func() { cmd.Process.Kill() })
	tr := &terminalRun{t: t, ptmx: ptmx, cmd: cmd, screen: &syncBuffer{}}
	go io.Copy(tr.screen, ptmx)
	return tr
}

// expect waits (at most 20 s) for what to appear after the last thing expected.
func (tr *terminalRun) expect(what string) {
	tr.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := tr.screen.String()
		if i := strings.Index(s[tr.mark:], what); i >= 0 {
			tr.mark += i + len(what)
			return
		}
		if time.Now().After(deadline) {
			tr.t.Fatalf("no %q on the terminal after 20s: %q", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exitCode waits (at most 20 s) for the program to end and returns its exit code.
func (tr *terminalRun) exitCode() int {
	tr.t.Helper()
	done := make(chan error, 1)
	go func() { done <- tr.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			tr.t.Fatal(err)
		}
		return 0
	case <-time.After(20 * time.Second):
		tr.t.Fatalf("still running after 20s: %q", tr.screen.String())
		return -1
	}
}

// testPromptOnTerminal: prompt() and confirm() ask the person at the terminal and
// return what they typed; Ctrl-C at a question stops the script with 130.
func testPromptOnTerminal(t *testing.T, bin string) {
	script := writeScript(t, t.TempDir(), "ask.js", `
const ok = confirm("Delete 3 tickets?")
const name = prompt("Your name?", "anon")
const queue = prompt("Queue?")
const none = confirm()
console.log(JSON.stringify({ ok, name, queue, none }))
`)
	tr := startOnTerminal(t, bin, "run", script)
	tr.expect("Delete 3 tickets? [y/N] ")
	io.WriteString(tr.ptmx, "y\r")
	tr.expect("Your name? [anon] ")
	io.WriteString(tr.ptmx, "\r") // an empty answer takes the default
	tr.expect("Queue? ")
	io.WriteString(tr.ptmx, "3001\r")
	tr.expect("Confirm [y/N] ")
	io.WriteString(tr.ptmx, "\r")
	tr.expect(`{"ok":true,"name":"anon","queue":"3001","none":false}`)
	if code := tr.exitCode(); code != 0 {
		t.Errorf("exit code %d: %q", code, tr.screen.String())
	}

	// --yes answers without asking, also on a terminal.
	tr = startOnTerminal(t, bin, "run", "--yes", script)
	tr.expect(`{"ok":true,"name":"anon","queue":null,"none":true}`)
	if code := tr.exitCode(); code != 0 {
		t.Errorf("--yes: exit code %d", code)
	}
	if strings.Contains(tr.screen.String(), "[y/N]") {
		t.Errorf("--yes asked: %q", tr.screen.String())
	}

	// Ctrl-C while a question waits for its answer stops the run.
	wait := writeScript(t, t.TempDir(), "wait.js", `prompt("Proceed?"); console.log("went on")`)
	tr = startOnTerminal(t, bin, "run", wait)
	tr.expect("Proceed? ")
	io.WriteString(tr.ptmx, "\x03")
	if code := tr.exitCode(); code != 130 {
		t.Errorf("Ctrl-C at a prompt: exit code %d, want 130; screen %q", code, tr.screen.String())
	}
	if strings.Contains(tr.screen.String(), "went on") {
		t.Errorf("the script went on after Ctrl-C: %q", tr.screen.String())
	}
}
