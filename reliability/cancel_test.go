package reliability_test

import (
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

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// inFlightScripts each print "started" and then block: in JavaScript, or in a request
// the server never answers (every GET hangs).
var inFlightScripts = []struct{ name, src string }{
	{"busy loop", `console.log("started"); for (;;) {}`},
	{"deep recursion", `console.log("started"); function f(n) { if (n < 5000) f(n + 1) } for (;;) f(0)`},
	{"timer", `console.log("started"); setInterval(() => {}, 1000)`},
	{"execute", `console.log("started"); daktela.client().execute(daktela.buildReadRequest("Users"))`},
	{"executeAsync", `console.log("started"); await daktela.client().executeAsync(daktela.buildReadRequest("Users"))`},
	{"executeAll", `console.log("started"); await daktela.client().executeAll([daktela.buildReadRequest("Users"), daktela.buildReadRequest("Queues")])`},
	{"read-all", `console.log("started"); daktela.client().execute(daktela.buildReadRequest("Tickets").setRequestType("all").setTake(5))`},
	{"iterate", `console.log("started"); for (const r of daktela.client().iterate(daktela.buildReadRequest("Tickets"), {pageSize: 5})) {}`},
	{"iterate mid-read", `let n = 0; for (const r of daktela.client().iterate(daktela.buildReadRequest("Tickets"), {pageSize: 5})) { if (++n === 5) console.log("started") }`},
}

// lineWriter signals when a line equal to want has been written.
type lineWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
	once sync.Once
}

func newLineWriter(want string) *lineWriter {
	return &lineWriter{want: want, seen: make(chan struct{})}
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains("\n"+w.buf.String(), "\n"+w.want+"\n") {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

func (w *lineWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// hangingServer answers the first page of tickets and then holds every GET (the
// "iterate mid-read" script reads a page before it blocks).
func hangingServer() *daktelatest.Server {
	return daktelatest.NewServer(daktelatest.Options{Faults: "hang:method=GET:path=tickets:n=2-1000000,hang:method=GET:path=users,hang:method=GET:path=queues"})
}

// TestCancelStopsScripts cancels the run's context (130) or lets Options.Timeout end it
// (124) while the script is busy in JavaScript or waiting on a request in flight: the
// run ends with the right exit code and the matching error.
func TestCancelStopsScripts(t *testing.T) {
	for _, how := range []string{"context", "timeout"} {
		for _, sc := range inFlightScripts {
			t.Run(how+"/"+sc.name, func(t *testing.T) {
				t.Parallel()
				srv := hangingServer()
				defer srv.Close()
				c := srv.Client()
				c.ApiCommunicator().SetRequestTimeout(0) // only the cancellation may end the wait
				stdout := newLineWriter("started")
				var stderr bytes.Buffer
				opts := runtime.Options{Client: c, Stdout: stdout, Stderr: &stderr}
				want := runtime.ExitInterrupted
				if how == "timeout" {
					opts.Timeout = 300 * time.Millisecond
					want = runtime.ExitTimeout
				}
				rt, err := runtime.New(opts)
				if err != nil {
					t.Fatal(err)
				}
				defer rt.Close()
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				done := make(chan error, 1)
				go func() { done <- rt.RunString(ctx, "inflight.js", sc.src) }()
				waitFor(t, stdout.seen, 20*time.Second, "the script to start")
				if how == "context" {
					time.Sleep(20 * time.Millisecond) // let it reach the blocking call
					cancel()
				}
				err = waitFor(t, done, 10*time.Second, "the run to end after "+how)
				if code := runtime.ExitCode(err); code != want {
					t.Errorf("exit code %d, want %d: %v", code, want, err)
				}
				if how == "context" && !errors.Is(err, runtime.ErrInterrupted) || how == "timeout" && !errors.Is(err, runtime.ErrTimeout) {
					t.Errorf("error %v", err)
				}
			})
		}
	}
}

// BenchmarkCancelInFlight measures how long a run takes to end after its context is
// cancelled while a request is in flight (the server never answers).
func BenchmarkCancelInFlight(b *testing.B) {
	srv := hangingServer()
	defer srv.Close()
	c := srv.Client()
	c.ApiCommunicator().SetRequestTimeout(0)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		stdout := newLineWriter("started")
		rt, err := runtime.New(runtime.Options{Client: c, Stdout: stdout})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- rt.RunString(ctx, "inflight.js", `console.log("started"); daktela.client().execute(daktela.buildReadRequest("Users"))`)
		}()
		<-stdout.seen
		time.Sleep(5 * time.Millisecond)
		b.StartTimer()
		cancel()
		<-done
		b.StopTimer()
		rt.Close()
	}
}

// buildDkscript builds the CLI once per test binary.
var buildDkscript = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "dkscript-reliability")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "dkscript")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "../cmd/dkscript").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func dkscriptBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the dkscript binary")
	}
	bin, err := buildDkscript()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestBinaryStopsInFlight runs the real binary on scripts blocked in a request or in
// JavaScript and ends them with SIGINT (130) or --timeout (124): the process exits with
// that code, says why on stderr, and prints no Go stack.
func TestBinaryStopsInFlight(t *testing.T) {
	bin := dkscriptBinary(t)
	for _, how := range []string{"SIGINT", "--timeout"} {
		for _, sc := range inFlightScripts {
			t.Run(how+"/"+sc.name, func(t *testing.T) {
				srv := hangingServer()
				defer srv.Close()
				script := filepath.Join(t.TempDir(), "inflight.js")
				if err := os.WriteFile(script, []byte(sc.src), 0o644); err != nil {
					t.Fatal(err)
				}
				args := []string{"run", "--request-timeout", "10m", "--retries", "0", script}
				want, why := 130, "interrupted"
				if how == "--timeout" {
					args = append([]string{"run", "--timeout", "400ms"}, args[1:]...)
					want, why = 124, "timed out"
				}
				cmd := exec.Command(bin, args...)
				cmd.Env = append(os.Environ(), "DAKTELA_URL="+srv.URL, "DAKTELA_TOKEN="+srv.Token)
				stdout := newLineWriter("started")
				var stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = stdout, &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				defer cmd.Process.Kill()
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				select {
				case <-stdout.seen:
				case err := <-done:
					t.Fatalf("ended before starting: %v; stderr %q", err, stderr.String())
				case <-time.After(20 * time.Second):
					t.Fatalf("did not start; stderr %q", stderr.String())
				}
				if how == "SIGINT" {
					time.Sleep(20 * time.Millisecond)
					if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
						t.Fatal(err)
					}
				}
				err := waitFor(t, done, 10*time.Second, "the process to exit after "+how)
				code := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					code = ee.ExitCode()
				}
				if code != want || !strings.Contains(stderr.String(), why) {
					t.Errorf("exit code %d, want %d; stderr %q", code, want, stderr.String())
				}
				if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), srv.Token) {
					t.Errorf("stderr has a Go stack or the token: %q", stderr.String())
				}
			})
		}
	}
}
