package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// barHooks writes one contact per webhook, named after the webhook's id, and is
// idempotent: a webhook sent again after its write landed (a 5xx answer the sender
// retries) finds the contact and does not create a second. fail "before" throws before
// writing; fail "after" throws after writing on the first attempt only.
const barHooks = `
const c = () => daktela.client()
async function exists(id) {
	try {
		await c().executeAsync(daktela.buildReadSingleRequest("Contacts", id))
		return true
	} catch (e) {
		if (e instanceof daktela.NotFoundException) return false
		throw e
	}
}
module.exports = {
	call_close: async (payload, request) => {
		if (payload.fail === "before") throw new Error("refused before writing " + payload.id)
		if (!(await exists(payload.id))) {
			try {
				await c().executeAsync(daktela.buildCreateRequest("Contacts").addAttributes({ name: payload.id, lastname: "Hook " + payload.id }))
			} catch (e) {
				// The create may have landed although its answer was lost: look before failing.
				if (!(await exists(payload.id))) throw e
			}
		}
		if (payload.fail === "after" && payload.attempt === 1) throw new Error("failed after writing " + payload.id)
		return { id: payload.id, attempt: payload.attempt }
	},
}
`

// serveProc is a running dkscript serve.
type serveProc struct {
	cmd    *exec.Cmd
	url    string
	stdout *lockedBuffer
	stderr *lockedBuffer
	done   chan error
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var serveAddrRe = regexp.MustCompile(`on (http://127\.0\.0\.1:\d+) `)

// startServe starts bin serve with args (and env added) and waits until it listens.
func startServe(t *testing.T, bin string, env []string, args ...string) *serveProc {
	t.Helper()
	p := &serveProc{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout = p.stdout
	pr, pw := io.Pipe()
	p.cmd.Stderr = pw
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		err := p.cmd.Wait()
		pw.Close()
		p.done <- err
	}()
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := sc.Text()
			p.stderr.Write([]byte(line + "\n"))
			if m := serveAddrRe.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(p.stderr, pr)
	}()
	select {
	case p.url = <-found:
	case err := <-p.done:
		t.Fatalf("serve exited: %v; stderr:\n%s", err, p.stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not start; stderr:\n%s", p.stderr.String())
	}
	return p
}

// stop sends sig and returns the exit code (bounded wait).
func (p *serveProc) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	return p.wait(t)
}

func (p *serveProc) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-p.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(60 * time.Second):
		t.Fatalf("serve still running 60s after the signal; stderr:\n%s", p.stderr.String())
	}
	return -1
}

// hookResult is what the sender of one webhook saw: the status of every attempt
// (0 for a transport error).
type hookResult struct {
	id       string
	attempts []int
}

func (r hookResult) last() int { return r.attempts[len(r.attempts)-1] }

func (r hookResult) any2xx() bool {
	for _, s := range r.attempts {
		if s >= 200 && s < 300 {
			return true
		}
	}
	return false
}

// sendHooks sends n webhooks from senders goroutines; each is retried on a 5xx answer
// or a transport error up to maxAttempts times (1: never). secret(i) is the secret
// webhook i carries; fail(i) its "fail" field. after is called with the number of
// answers so far, after each one.
func sendHooks(url string, n, senders, maxAttempts int, secret func(int) string, fail func(int) string, after func(int)) []hookResult {
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: senders}}
	defer client.CloseIdleConnections()
	results := make([]hookResult, n)
	next := make(chan int)
	var answered sync.Mutex
	count := 0
	var wg sync.WaitGroup
	for s := 0; s < senders; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				id := fmt.Sprintf("hook_%04d", i)
				results[i].id = id
				for attempt := 1; attempt <= maxAttempts; attempt++ {
					body := fmt.Sprintf(`{"event":"call_close","id":%q,"fail":%q,"attempt":%d}`, id, fail(i), attempt)
					path := "/"
					if i%2 == 1 {
						path = "/hooks/call_close"
					}
					req, _ := http.NewRequest("POST", url+path, strings.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("X-Webhook-Secret", secret(i))
					status := 0
					if res, err := client.Do(req); err == nil {
						_, _ = io.Copy(io.Discard, res.Body)
						res.Body.Close()
						status = res.StatusCode
					}
					results[i].attempts = append(results[i].attempts, status)
					if status != 0 && status < 500 {
						break
					}
				}
				answered.Lock()
				count++
				c := count
				answered.Unlock()
				after(c)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// contactsByHookID counts the fake's contacts made by the hooks, by webhook id (from
// their lastname, so that a second contact of one webhook under another name counts).
func contactsByHookID(t *testing.T, srv *daktelatest.Server) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, name := range srv.Names("contacts") {
		rec, ok := srv.Record("contacts", name)
		if !ok {
			continue
		}
		if ln, _ := rec["lastname"].(string); strings.HasPrefix(ln, "Hook ") {
			out[strings.TrimPrefix(ln, "Hook ")]++
		}
	}
	return out
}

// The serve bar: 500 webhooks from 20 concurrent senders against handlers that write to
// the fake, which drops the answers of some writes after applying them and fails others
// before: every webhook answered 2xx has its write exactly once, every one answered only
// 5xx has none (or, retried, exactly one), webhooks with a wrong secret are refused 401
// and write nothing.
func TestServeBarConcurrentWebhooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	srv.SetFaults(
		daktelatest.FaultRule{Kind: daktelatest.FaultResetBody, Method: "POST", Rate: 0.05},
		daktelatest.FaultRule{Kind: daktelatest.Fault5xx, Method: "POST", Rate: 0.05},
	)
	dir := t.TempDir()
	script := writeScript(t, dir, "hooks.js", barHooks)
	secretFile := writeScript(t, dir, "secret", "bar-secret-7f3a9c\n")
	p := startServe(t, bin, []string{"DAKTELA_URL=" + srv.URL, "DAKTELA_TOKEN=" + srv.Token},
		"--secret-file", secretFile, "--pool", "8", "--queue", "64", script)

	const n = 500
	results := sendHooks(p.url, n, 20, 4,
		func(i int) string {
			if i%25 == 24 {
				return "bar-secret-7f3a9d" // wrong by one character
			}
			return "bar-secret-7f3a9c"
		},
		func(i int) string {
			switch i % 10 {
			case 3:
				return "before"
			case 7:
				return "after"
			}
			return ""
		},
		func(int) {})
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0; stderr:\n%s", code, p.stderr.String())
	}

	faults := map[string]int{}
	for _, r := range srv.Requests() {
		if r.Method == "POST" && r.Fault != "" {
			faults[r.Fault]++
		}
	}
	if faults[string(daktelatest.FaultResetBody)] == 0 || faults[string(daktelatest.Fault5xx)] == 0 {
		t.Errorf("the faults did not fire on the writes: %v", faults)
	}
	writes := contactsByHookID(t, srv)
	var ok2xx, refused, failed int
	for i, r := range results {
		got := writes[r.id]
		switch {
		case i%25 == 24:
			refused++
			if r.last() != 401 || got != 0 {
				t.Errorf("%s (wrong secret): answers %v, %d writes; want 401 and none", r.id, r.attempts, got)
			}
		case r.any2xx():
			ok2xx++
			if got != 1 {
				t.Errorf("%s: answered %v, %d writes; want exactly 1", r.id, r.attempts, got)
			}
		default:
			failed++
			if got > 1 {
				t.Errorf("%s: answered %v, %d writes; want 0 or 1", r.id, r.attempts, got)
			}
			if i%10 == 3 && got != 0 {
				t.Errorf("%s: the handler threw before writing, yet %d writes", r.id, got)
			}
		}
		if i%10 == 3 && i%25 != 24 && r.last() != 500 {
			t.Errorf("%s: a handler that throws answered %v, want 500", r.id, r.attempts)
		}
		if i%10 == 7 && i%25 != 24 && !r.any2xx() {
			t.Errorf("%s: a webhook whose first attempt failed after writing did not succeed when sent again: %v", r.id, r.attempts)
		}
	}
	if ok2xx < n*7/10 {
		t.Errorf("only %d of %d webhooks answered 2xx", ok2xx, n)
	}
	t.Logf("%d answered 2xx, %d refused (wrong secret), %d failed; faults on writes %v", ok2xx, refused, failed, faults)
	if strings.Contains(p.stderr.String(), "bar-secret-7f3a9") || strings.Contains(p.stdout.String(), "bar-secret-7f3a9") {
		t.Errorf("the secret (or the wrong one) appears in the output")
	}
}

// SIGTERM in the middle of a load: serve stops accepting, finishes what it accepted and
// exits 0; every webhook answered 2xx has its write, and no write exists whose webhook
// was not answered 2xx (nothing done and then not answered).
func TestServeBarSIGTERMMidLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	srv := daktelatest.NewServer(daktelatest.Options{Latency: 5 * time.Millisecond})
	defer srv.Close()
	dir := t.TempDir()
	script := writeScript(t, dir, "hooks.js", barHooks)
	secretFile := writeScript(t, dir, "secret", "term-secret-55\n")
	p := startServe(t, bin, []string{"DAKTELA_URL=" + srv.URL, "DAKTELA_TOKEN=" + srv.Token},
		"--secret-file", secretFile, "--pool", "4", "--queue", "100", script)

	var once sync.Once
	results := sendHooks(p.url, 500, 20, 1,
		func(int) string { return "term-secret-55" },
		func(int) string { return "" },
		func(answered int) {
			if answered >= 100 {
				once.Do(func() { _ = p.cmd.Process.Signal(syscall.SIGTERM) })
			}
		})
	if code := p.wait(t); code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0; stderr:\n%s", code, p.stderr.String())
	}
	writes := contactsByHookID(t, srv)
	var ok, refused int
	for _, r := range results {
		got := writes[r.id]
		if r.any2xx() {
			ok++
			if got != 1 {
				t.Errorf("%s: answered %v, %d writes; want exactly 1", r.id, r.attempts, got)
			}
			continue
		}
		refused++
		if got != 0 {
			t.Errorf("%s: not answered 2xx (%v) but its write was made: an accepted webhook's answer was lost", r.id, r.attempts)
		}
	}
	if ok < 100 || refused == 0 {
		t.Errorf("%d answered 2xx and %d refused: the signal did not fall mid-load", ok, refused)
	}
	t.Logf("%d answered 2xx before and during the stop, %d refused after it", ok, refused)
	if !strings.Contains(p.stderr.String(), "dkscript serve: stopped") {
		t.Errorf("stderr lacks the stop line:\n%s", p.stderr.String())
	}
}

// Serving without a secret is refused off loopback; a missing script, an empty secret
// file and --timeout are usage errors.
func TestServeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	script := writeScript(t, dir, "hooks.js", `module.exports = { x: () => {} }`)
	empty := writeScript(t, dir, "empty", "\n")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:8090", script}, "reachable from other machines"},
		{[]string{"serve", "--addr", ":8090", script}, "give --secret-file"},
		{[]string{"serve", filepath.Join(dir, "missing.js")}, "cannot read the script"},
		{[]string{"serve", "--secret-file", empty, script}, "is empty"},
		{[]string{"serve", "--timeout", "5s", script}, "--handler-timeout"},
		{[]string{"serve", "--pool", "0", script}, "--pool"},
		{[]string{"serve"}, "missing the script"},
	}
	for _, c := range cases {
		st, _, stderr := testState(t)
		st.Args = c.args
		code := runMain(st)
		if code != 2 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
}

// --dry-run holds back the handlers' writes: the webhook is answered with the made-up
// result, the fake gets no record, stderr shows the write and, at the stop, the summary.
func TestServeDryRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	before := srv.Count("contacts")
	dir := t.TempDir()
	script := writeScript(t, dir, "hooks.js", barHooks)
	p := startServe(t, bin, []string{"DAKTELA_URL=" + srv.URL, "DAKTELA_TOKEN=" + srv.Token}, "--dry-run", script)
	results := sendHooks(p.url, 3, 1, 1, func(int) string { return "" }, func(int) string { return "" }, func(int) {})
	for _, r := range results {
		if r.last() != 200 {
			t.Errorf("%s: %v, want 200", r.id, r.attempts)
		}
	}
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d", code)
	}
	if got := srv.Count("contacts"); got != before {
		t.Errorf("the fake has %d contacts after a dry run, %d before", got, before)
	}
	stderr := p.stderr.String()
	for _, want := range []string{`DRY-RUN POST /api/v6/contacts.json {"name":"hook_0000","lastname":"Hook hook_0000"}`, "a real run would send 3 creates"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// A handler still running when --grace runs out is stopped and answered 500, and serve
// still exits 0 and says so.
func TestServeGraceCutShort(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	script := writeScript(t, dir, "hooks.js", `module.exports = {
	slow: async () => { console.log("started"); await new Promise((resolve) => setTimeout(resolve, 600000)) },
}`)
	p := startServe(t, bin, nil, "--grace", "300ms", script)
	answer := make(chan int, 1)
	go func() {
		res, err := http.Post(p.url+"/hooks/slow", "application/json", strings.NewReader(`{}`))
		if err != nil {
			answer <- 0
			return
		}
		res.Body.Close()
		answer <- res.StatusCode
	}()
	for i := 0; !strings.Contains(p.stdout.String(), "started"); i++ {
		if i == 3000 {
			t.Fatalf("the handler did not start; stderr:\n%s", p.stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	select {
	case status := <-answer:
		if status != 500 {
			t.Errorf("the cut handler's webhook was answered %d, want 500", status)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no answer")
	}
	if !strings.Contains(p.stderr.String(), "were stopped and answered 500") {
		t.Errorf("stderr does not say handlers were stopped:\n%s", p.stderr.String())
	}
}
