package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// watchScript prints every ticket a watch delivers as name|edited|title.
const watchScript = `
const [checkpoint] = process.argv.slice(2);
const req = daktela.buildReadRequest("Tickets");
for await (const t of daktela.client().watch(req, { every: "50ms", checkpoint })) {
  console.log(t.name + "|" + t.edited + "|" + t.title);
}
`

// watcherRun is one run of the watch script under the real binary.
type watcherRun struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer
	mu     sync.Mutex
	lines  []string
	done   chan struct{} // closed when stdout is read to the end
}

func (w *watcherRun) delivered() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.lines...)
}

// startWatcher starts the watch script against srv (token in the environment).
func startWatcher(t *testing.T, bin, script, checkpoint string, srv *daktelatest.Server, extra ...string) *watcherRun {
	t.Helper()
	args := append([]string{"run", "--url", srv.URL}, extra...)
	args = append(args, script, checkpoint)
	w := &watcherRun{cmd: exec.Command(bin, args...), done: make(chan struct{})}
	w.cmd.Env = append(os.Environ(), "DAKTELA_TOKEN="+srv.Token)
	w.cmd.Stderr = &w.stderr
	out, err := w.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(w.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			w.mu.Lock()
			w.lines = append(w.lines, sc.Text())
			w.mu.Unlock()
		}
	}()
	return w
}

// stop sends sig and waits for the run to end (bounded by the test's deadline); it
// returns the exit code.
func (w *watcherRun) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	if err := w.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.done:
	case <-time.After(2 * time.Minute): // a safety bound, not a measured time
		_ = w.cmd.Process.Kill()
		t.Fatalf("the watcher did not stop on %v", sig)
	}
	err := w.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -int(ws.Signal())
		}
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// waitFor polls cond every 20 ms, at most n times; it reports whether cond held.
func waitFor(n int, cond func() bool) bool {
	for i := 0; i < n; i++ {
		if cond() {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cond()
}

// TestWatchBar is the watch bar: 2000 changes made while a watcher runs, the watcher
// killed with SIGKILL twice and restarted: every change is delivered at least once,
// repeats are only of the record in flight at a kill, none after a clean stop (SIGINT)
// and restart; an idle poll is one request; the token is in no output.
func TestWatchBar(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	dir := t.TempDir()
	script := writeScript(t, dir, "watch.js", watchScript)
	cp := filepath.Join(dir, "tickets.checkpoint")

	// The changes: 2000 title edits, round robin over the 40 demo tickets; what each one
	// made (ticket, title, edited stamp) is kept.
	type change struct{ name, title, edited string }
	var changes []change
	edit := func(from, to int) {
		for i := from; i < to; i++ {
			name := fmt.Sprint(1001 + i%40)
			title := fmt.Sprintf("change %d", i)
			resp, err := c.Execute(context.Background(), daktela.BuildUpdateRequest("Tickets").SetObjectName(name).AddAttribute("title", title))
			if err != nil {
				t.Fatal(err)
			}
			m, err := resp.Record().Map()
			if err != nil {
				t.Fatal(err)
			}
			changes = append(changes, change{name, title, fmt.Sprint(m["edited"])})
		}
	}
	started := func(w *watcherRun) {
		t.Helper()
		if !waitFor(3000, func() bool { _, err := os.Stat(cp); return err == nil }) {
			t.Fatalf("the watcher saved no checkpoint; stderr: %s", w.stderr.String())
		}
	}

	var runs []*watcherRun
	var exits []int
	// Run 1 and run 2 are killed while changes are being delivered.
	for k := 0; k < 2; k++ {
		w := startWatcher(t, bin, script, cp, srv)
		runs = append(runs, w)
		started(w)
		edit(k*500, k*500+500)
		before := len(w.delivered())
		waitFor(3000, func() bool { return len(w.delivered()) > before })
		exits = append(exits, w.stop(t, syscall.SIGKILL))
	}
	// Run 3 is stopped cleanly; run 4 sees the rest, until every ticket's last title is in.
	w3 := startWatcher(t, bin, script, cp, srv, "--verbose")
	runs = append(runs, w3)
	edit(1000, 1500)
	waitFor(3000, func() bool { return len(w3.delivered()) > 0 })
	exits = append(exits, w3.stop(t, os.Interrupt))
	w4 := startWatcher(t, bin, script, cp, srv)
	runs = append(runs, w4)
	edit(1500, 2000)
	last := map[string]change{}
	for _, ch := range changes {
		last[ch.name] = ch
	}
	allIn := func() bool {
		seen := map[string]bool{}
		for _, w := range runs {
			for _, l := range w.delivered() {
				seen[l] = true
			}
		}
		for _, ch := range last {
			if !seen[ch.name+"|"+ch.edited+"|"+ch.title] {
				return false
			}
		}
		return true
	}
	if !waitFor(6000, allIn) {
		t.Error("the watcher did not deliver the last state of every ticket")
	}
	// Idle now: every poll is the same single request.
	srv.ResetLog()
	waitFor(3000, func() bool { return len(srv.Requests()) >= 5 })
	idle := srv.Requests()
	exits = append(exits, w4.stop(t, os.Interrupt))

	if exits[0] != -int(syscall.SIGKILL) || exits[1] != -int(syscall.SIGKILL) || exits[2] != 130 || exits[3] != 130 {
		t.Errorf("exit codes %v, want killed, killed, 130, 130", exits)
	}

	// Every change delivered at least once: a delivery of its ticket stamped at or
	// after it.
	newest := map[string]string{}
	for _, w := range runs {
		for _, l := range w.delivered() {
			p := strings.SplitN(l, "|", 3)
			if len(p) != 3 {
				t.Fatalf("output line %q", l)
			}
			if p[1] > newest[p[0]] {
				newest[p[0]] = p[1]
			}
		}
	}
	for _, ch := range changes {
		if newest[ch.name] < ch.edited {
			t.Fatalf("change %q of ticket %s (edited %s) never delivered", ch.title, ch.name, ch.edited)
		}
	}
	repeats := 0
	// Repeats: none within a run; across a SIGKILL only the record in flight (the last
	// one the killed run printed); none across a clean stop.
	for k, w := range runs {
		seen := map[string]bool{}
		for _, l := range w.delivered() {
			if seen[l] {
				t.Errorf("run %d delivered %q twice", k+1, l)
			}
			seen[l] = true
		}
		if k == 0 {
			continue
		}
		prev := runs[k-1].delivered()
		prevSet := map[string]bool{}
		for _, l := range prev {
			prevSet[l] = true
		}
		for _, l := range w.delivered() {
			if !prevSet[l] {
				continue
			}
			repeats++
			if k-1 >= 2 { // run 3 stopped cleanly
				t.Errorf("run %d repeated %q after a clean stop", k+1, l)
			} else if l != prev[len(prev)-1] {
				t.Errorf("run %d repeated %q, which the killed run %d had finished with (its last was %q)", k+1, l, k, prev[len(prev)-1])
			}
		}
	}
	total := 0
	for _, w := range runs {
		total += len(w.delivered())
	}
	t.Logf("2000 changes, %d deliveries over 4 runs (exits %v), %d repeated after a kill", total, exits, repeats)

	// Idle polling: one request a poll, the same read from the same cursor each time.
	if len(idle) < 5 {
		t.Fatalf("%d idle polls", len(idle))
	}
	for _, r := range idle {
		if r.Method != "GET" || r.Path != "tickets.json" || r.Query.Get("skip") != "0" ||
			r.Query.Get("filter[filters][0][value]") != idle[0].Query.Get("filter[filters][0][value]") {
			t.Errorf("idle poll %s %s %v; want one read of tickets from the unchanged cursor", r.Method, r.Path, r.Query)
		}
	}

	// No token anywhere: output, the request log of the verbose run, the checkpoint.
	b, _ := os.ReadFile(cp)
	texts := []string{string(b)}
	for _, w := range runs {
		texts = append(texts, strings.Join(w.delivered(), "\n"), w.stderr.String())
	}
	if !strings.Contains(w3.stderr.String(), "tickets.json") {
		t.Errorf("the --verbose run logged no request: %q", w3.stderr.String())
	}
	for _, s := range texts {
		if strings.Contains(s, srv.Token) {
			t.Fatalf("the token leaked: %q", s)
		}
	}
}
