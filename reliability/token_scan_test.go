package reliability_test

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// scanToken is the recognisable token the scan looks for.
const scanToken = "TOKEN-scan-7c1e5a93d2b84f60"

// cliScripts are the example scripts with the arguments they need; scripts not listed
// run without arguments.
var cliScriptArgs = map[string][]string{
	"import-records.js":      {"examples/records.csv"},
	"close-stale-tickets.js": {"--days", "14"},
}

// scanRun is one run of the binary whose output is scanned.
type scanRun struct {
	name string
	dir  string // working directory
	args []string
}

// TestTokenNeverInOutput runs every script of the JS corpus (testdata/js) and every
// example script (scripts/) through the real dkscript binary with a recognisable token,
// in both auth modes (header with the token in DAKTELA_TOKEN, query with --token-file),
// with --verbose request logs (text and JSON), normally and with --dry-run; then a REPL
// session on a terminal. Every byte produced is scanned for the token: stdout, stderr,
// the request log, dry-run lines, error reports, every file the runs wrote (outputs,
// REPL history) and what the terminal showed.
func TestTokenNeverInOutput(t *testing.T) {
	bin := dkscriptBinary(t)
	srv := daktelatest.NewServer(daktelatest.Options{Token: scanToken})
	defer srv.Close()

	// Work on copies: scripts write files, and every file written is scanned.
	work := t.TempDir()
	corpus := filepath.Join(work, "js")
	examples := filepath.Join(work, "scripts")
	copyTree(t, "../testdata/js", corpus)
	copyTree(t, "../scripts", examples)
	home := filepath.Join(work, "home")
	tokenFile := filepath.Join(work, "token")
	if err := os.WriteFile(tokenFile, []byte(scanToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	var runs []scanRun
	groups, _ := os.ReadDir(corpus)
	for _, g := range groups {
		if !g.IsDir() {
			continue
		}
		files, _ := os.ReadDir(filepath.Join(corpus, g.Name()))
		for _, f := range files {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".js") || strings.HasPrefix(f.Name(), "_") {
				continue
			}
			runs = append(runs, scanRun{name: g.Name() + "/" + f.Name(), dir: corpus, args: []string{g.Name() + "/" + f.Name()}})
		}
	}
	nCorpus := len(runs)
	scripts, _ := filepath.Glob(filepath.Join(examples, "*.js"))
	for _, s := range scripts {
		name := filepath.Base(s)
		runs = append(runs, scanRun{name: "scripts/" + name, dir: examples, args: append([]string{name}, cliScriptArgs[name]...)})
	}
	// A script that prints everything it can see of its environment and client.
	envDump := filepath.Join(work, "envdump.js")
	if err := os.WriteFile(envDump, []byte(`console.log(JSON.stringify(process.env)); console.log(daktela.client()); console.log(daktela.client().getApiCommunicator())`), 0o644); err != nil {
		t.Fatal(err)
	}
	runs = append(runs, scanRun{name: "envdump.js", dir: work, args: []string{envDump}})

	modes := []struct {
		name  string
		flags []string
		env   []string
	}{
		{"header", []string{"--verbose"}, []string{"DAKTELA_TOKEN=" + scanToken}},
		{"query", []string{"--auth", "query", "--token-file", tokenFile, "--verbose", "--log-format", "json"}, nil},
		{"query dry-run", []string{"--auth", "query", "--dry-run", "--verbose"}, []string{"DAKTELA_TOKEN=" + scanToken}},
	}
	var scanned, sent atomic.Int64
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for _, m := range modes {
		for _, r := range runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				args := append(append([]string{"run", "--timeout", "1s", "--quiet"}, m.flags...), r.args...)
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				cmd := exec.CommandContext(ctx, bin, args...)
				cmd.Dir = r.dir
				cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "DAKTELA_URL=" + srv.URL, "TZ=Europe/Prague"}, m.env...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				_ = cmd.Run() // many corpus cases fail on purpose
				scanned.Add(int64(out.Len()))
				if i := bytes.Index(out.Bytes(), []byte(scanToken)); i >= 0 {
					t.Errorf("%s (%s): the token is in the output: %q", r.name, m.name, context20(out.Bytes(), i))
				}
			}()
		}
	}
	wg.Wait()
	sent.Store(srv.RequestCount())

	// A REPL session on a terminal: history is written there.
	tty := replSession(t, bin, work, home, srv.URL, []string{
		"const c = daktela.client()",
		"c",
		"c.getApiCommunicator()",
		"c.execute(daktela.buildReadRequest('Queues').setTake(2))",
		"try { new daktela.Client(c.getBaseUrl(), 'x').execute(daktela.buildReadRequest('Users')) } catch (e) { e }",
		"process.env",
		".exit",
	})
	scanned.Add(int64(len(tty)))
	if !strings.Contains(tty, "Client") || !strings.Contains(tty, "RequestException") {
		t.Errorf("the REPL session did not run the lines; the terminal showed %q", strings.ReplaceAll(tty, scanToken, "<TOKEN>"))
	}
	if i := strings.Index(tty, scanToken); i >= 0 {
		t.Errorf("REPL: the token is on the terminal: %q", context20([]byte(tty), i))
	}

	// Every file any run wrote (outputs, history, config), except the token file.
	files := 0
	filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == tokenFile {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		files++
		scanned.Add(int64(len(b)))
		if i := bytes.Index(b, []byte(scanToken)); i >= 0 {
			t.Errorf("the token is in %s: %q", p, context20(b, i))
		}
		return nil
	})
	if hist, err := os.ReadFile(filepath.Join(home, ".local/state/dkscript/repl_history")); err != nil || !bytes.Contains(hist, []byte("getApiCommunicator")) {
		t.Errorf("the REPL history was not written (%v): %q", err, hist)
	}
	if sent.Load() < int64(nCorpus) {
		t.Errorf("only %d requests reached the server: the runs did not talk to it", sent.Load())
	}
	t.Logf("token scan: %d corpus cases and %d scripts in %d modes, a REPL session, %d files: %d bytes scanned, %d requests sent",
		nCorpus, len(runs)-nCorpus, len(modes), files, scanned.Load(), sent.Load())
}

// context20 shows the 20 bytes around i, with the token itself masked.
func context20(b []byte, i int) string {
	lo, hi := max(i-20, 0), min(i+len(scanToken)+20, len(b))
	return strings.ReplaceAll(string(b[lo:hi]), scanToken, "<TOKEN>")
}

// replSession runs dkscript repl on a pseudo-terminal, types lines, and returns what
// the terminal showed.
func replSession(t *testing.T, bin, dir, home, url string, lines []string) string {
	t.Helper()
	cmd := exec.Command(bin, "repl")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TERM=xterm", "DAKTELA_TOKEN=" + scanToken, "DAKTELA_URL=" + url}
	ptmx, err := pty.Start(cmd)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var mu sync.Mutex
	var term bytes.Buffer
	copied := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			term.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				break
			}
		}
		close(copied)
	}()
	for _, l := range lines {
		time.Sleep(150 * time.Millisecond) // let the prompt come back
		io.WriteString(ptmx, l+"\r")
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Error("the REPL did not exit after .exit")
	}
	ptmx.Close()
	select {
	case <-copied:
	case <-time.After(5 * time.Second):
	}
	mu.Lock()
	defer mu.Unlock()
	return term.String()
}

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
