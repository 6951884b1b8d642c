package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestBinary builds the real dkscript binary and drives it as users do: signals, the
// shebang with dkscript on PATH, and a run against --mock.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)

	t.Run("version", func(t *testing.T) {
		out, err := exec.Command(bin, "version").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(out, []byte("dkscript ")) || !bytes.Contains(out, []byte("\ngoja     v")) {
			t.Errorf("version output %q", out)
		}
	})

	t.Run("mock run", func(t *testing.T) {
		dir := t.TempDir()
		script := writeScript(t, dir, "users.js", `
const res = daktela.client().execute(daktela.buildReadRequest("Users"))
console.log("users", res.total > 0)
`)
		out, err := exec.Command(bin, "run", "--mock", script).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if string(out) != "users true\n" {
			t.Errorf("output %q", out)
		}
	})

	t.Run("shebang", func(t *testing.T) {
		dir := t.TempDir()
		script := writeScript(t, dir, "hello", "#!/usr/bin/env dkscript\nconsole.log('hi', process.argv.slice(-1)[0])\n")
		if err := os.Chmod(script, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(script, "there")
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if string(out) != "hi there\n" {
			t.Errorf("output %q", out)
		}
	})

	t.Run("SIGINT stops a busy script with 130", func(t *testing.T) {
		dir := t.TempDir()
		script := writeScript(t, dir, "busy.js", "console.log('started')\nwhile (true) {}\n")
		code, stderr := interruptAfterStart(t, exec.Command(bin, "run", script))
		if code != 130 {
			t.Errorf("exit code %d, want 130; stderr %q", code, stderr)
		}
		if !strings.Contains(stderr, "dkscript: interrupted") {
			t.Errorf("stderr %q", stderr)
		}
	})

	t.Run("SIGINT stops a request in flight", func(t *testing.T) {
		arrived := make(chan struct{}, 1)
		cancelled := make(chan struct{}, 1)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			arrived <- struct{}{}
			select {
			case <-r.Context().Done():
				cancelled <- struct{}{}
			case <-time.After(30 * time.Second):
			}
		}))
		defer srv.Close()
		dir := t.TempDir()
		script := writeScript(t, dir, "slow.js", `
console.log("started")
daktela.client().execute(daktela.buildReadRequest("Users"))
console.log("not reached")
`)
		cmd := exec.Command(bin, "run", "--retries", "0", script)
		cmd.Env = append(os.Environ(), "DAKTELA_URL="+srv.URL, "DAKTELA_TOKEN=t0ken")
		waitArrived := func() {
			select {
			case <-arrived:
			case <-time.After(20 * time.Second):
				t.Fatal("the request never reached the server")
			}
		}
		code, stderr := interruptAfter(t, cmd, waitArrived)
		if code != 130 {
			t.Errorf("exit code %d, want 130; stderr %q", code, stderr)
		}
		select {
		case <-cancelled:
		case <-time.After(10 * time.Second):
			t.Error("the request was not cancelled")
		}
	})

	t.Run("progress bar on a terminal only", func(t *testing.T) {
		dir := t.TempDir()
		script := writeScript(t, dir, "readall.js", `
const req = daktela.buildReadRequest("CampaignsRecords").setTake(5).setRequestType(daktela.ReadRequest.TYPE_ALL)
const res = daktela.client().execute(req)
console.log("read", res.data.length, "of", res.total)
`)
		env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TERM=xterm"}
		// stderr on a terminal: the bar shows the model and the total.
		out, tty := runWithStderrTTY(t, env, bin, "run", "--mock", "--concurrency", "1", script)
		total := strings.Fields(out)[3]
		if !strings.HasPrefix(out, "read ") || total == "0" {
			t.Fatalf("stdout %q", out)
		}
		if !strings.Contains(tty, "CampaignsRecords") || !strings.Contains(tty, "/"+total) {
			t.Errorf("no progress bar on the terminal: %q", tty)
		}
		// --quiet, CI, and a non-terminal stderr: none.
		if _, tty := runWithStderrTTY(t, env, bin, "run", "--mock", "--quiet", script); strings.Contains(tty, "CampaignsRecords") {
			t.Errorf("progress bar with --quiet: %q", tty)
		}
		if _, tty := runWithStderrTTY(t, append(env, "CI=true"), bin, "run", "--mock", script); strings.Contains(tty, "CampaignsRecords") {
			t.Errorf("progress bar in CI: %q", tty)
		}
		cmd := exec.Command(bin, "run", "--mock", "--concurrency", "1", script)
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() != 0 {
			t.Errorf("piped stderr: %v, %q", err, stderr.String())
		}
	})

	t.Run("plain dkscript on a terminal is the REPL", func(t *testing.T) {
		dir := t.TempDir()
		ptmx, tty, err := pty.Open()
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		defer ptmx.Close()
		cmd := exec.Command(bin, "--mock")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_STATE_HOME=" + dir, "TERM=xterm", "NO_COLOR=1"}
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		tty.Close()
		defer cmd.Process.Kill()
		var screen syncBuffer
		go io.Copy(&screen, ptmx)
		waitFor := func(what string) {
			t.Helper()
			deadline := time.Now().Add(20 * time.Second)
			for !strings.Contains(screen.String(), what) {
				if time.Now().After(deadline) {
					t.Fatalf("no %q on the terminal after 20s: %q", what, screen.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		waitFor("> ")
		io.WriteString(ptmx, "6 * 7\r")
		waitFor("42")
		io.WriteString(ptmx, "daktela.client().execute(daktela.buildReadRequest('Users')).total > 0\r")
		waitFor("true")
		io.WriteString(ptmx, ".exit\r")
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("exit: %v; screen %q", err, screen.String())
			}
		case <-time.After(20 * time.Second):
			t.Fatalf(".exit did not end the REPL: %q", screen.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "dkscript", "repl_history")); err != nil {
			t.Errorf("no history file: %v", err)
		}
	})

	t.Run("prompt and confirm on a terminal", func(t *testing.T) { testPromptOnTerminal(t, bin) })

	t.Run("SIGTERM is an interrupt too", func(t *testing.T) {
		dir := t.TempDir()
		script := writeScript(t, dir, "timer.js", "console.log('started')\nsetInterval(() => {}, 1000)\n")
		cmd := exec.Command(bin, "run", script)
		code, _ := signalAfterStart(t, cmd, syscall.SIGTERM)
		if code != 130 {
			t.Errorf("exit code %d, want 130", code)
		}
	})
}

// runWithStderrTTY runs bin with stderr on a pseudo-terminal and returns its stdout and
// what appeared on the terminal.
func runWithStderrTTY(t *testing.T, env []string, bin string, args ...string) (stdout, tty string) {
	t.Helper()
	ptmx, pts, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = pts
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pts.Close()
	var term bytes.Buffer
	copied := make(chan struct{})
	go func() {
		io.Copy(&term, ptmx) // ends with EIO once the child has exited
		close(copied)
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running after 60s")
	}
	select {
	case <-copied:
	case <-time.After(10 * time.Second):
		t.Fatal("terminal output did not end")
	}
	return out.String(), term.String()
}

// buildBinary builds ./ into a temp dir as "dkscript".
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dkscript")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func writeScript(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// interruptAfterStart starts cmd, waits for "started" on its stdout, sends SIGINT and
// returns the exit code and stderr (all waits bounded).
func interruptAfterStart(t *testing.T, cmd *exec.Cmd) (int, string) {
	return signalAfterStart(t, cmd, os.Interrupt)
}

func signalAfterStart(t *testing.T, cmd *exec.Cmd, sig os.Signal) (int, string) {
	return signalAfter(t, cmd, sig, func() {})
}

func interruptAfter(t *testing.T, cmd *exec.Cmd, ready func()) (int, string) {
	return signalAfter(t, cmd, os.Interrupt, ready)
}

func signalAfter(t *testing.T, cmd *exec.Cmd, sig os.Signal, ready func()) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	started := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "started" {
				started <- true
				break
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case <-started:
	case <-time.After(20 * time.Second):
		t.Fatalf("the script did not start; stderr %q", stderr.String())
	}
	ready()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), stderr.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, stderr.String()
	case <-time.After(20 * time.Second):
		t.Fatalf("still running 20s after the signal; stderr %q", stderr.String())
	}
	return -1, ""
}
