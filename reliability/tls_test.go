package reliability_test

import (
	"bytes"
	"errors"
	"io"
	"log"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// tlsFake serves the fake Daktela over HTTPS with a certificate no system trusts.
func tlsFake(t *testing.T) (*httptest.Server, *daktelatest.Handler) {
	t.Helper()
	h, err := daktelatest.NewHandler(daktelatest.Options{Token: scanToken})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, h
}

// TestTLSVerifiedByDefault: a client that was not told otherwise refuses an untrusted
// certificate with a message that says so, tries once (retrying cannot fix a
// certificate), and sends nothing.
func TestTLSVerifiedByDefault(t *testing.T) {
	srv, h := tlsFake(t)
	c := daktela.NewClient(srv.URL, scanToken)
	var logged bytes.Buffer
	c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logged, nil)))
	_, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("Users"))
	var re *daktela.RequestError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("error %v, want a RequestError about the certificate", err)
	}
	if n := strings.Count(logged.String(), "daktela request"); n != 1 {
		t.Errorf("%d attempts, want 1:\n%s", n, logged.String())
	}
	if h.RequestCount() != 0 {
		t.Errorf("the server saw %d requests", h.RequestCount())
	}
	if strings.Contains(err.Error()+logged.String(), scanToken) {
		t.Error("the token is in the error or the log")
	}

	c.ApiCommunicator().SetVerifySsl(false)
	if _, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("Users")); err != nil {
		t.Errorf("with verification off: %v", err)
	}
}

// TestBinaryInsecureWarnsEveryRun: the real binary refuses the untrusted certificate,
// and with --insecure connects but warns on every run, in run and eval alike; a token
// file others can read is warned about too. No output holds the token.
func TestBinaryInsecureWarnsEveryRun(t *testing.T) {
	bin := dkscriptBinary(t)
	srv, _ := tlsFake(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "users.js")
	os.WriteFile(script, []byte(`console.log(daktela.client().execute(daktela.buildReadRequest("Users")).total > 0)`), 0o644)
	tokenFile := filepath.Join(dir, "token")
	os.WriteFile(tokenFile, []byte(scanToken+"\n"), 0o644)
	os.Chmod(tokenFile, 0o644) // whatever the umask

	run := func(args ...string) (string, string, int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "DAKTELA_URL=" + srv.URL}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stdout.String()+stderr.String(), scanToken) {
			t.Errorf("dkscript %v: the token is in the output", args)
		}
		return stdout.String(), stderr.String(), code
	}

	_, stderr, code := run("run", "--token-file", tokenFile, "--retries", "0", script)
	if code != 1 || !strings.Contains(stderr, "certificate") {
		t.Errorf("without --insecure: exit %d, stderr %q; want 1 and a certificate error", code, stderr)
	}
	if !strings.Contains(stderr, "readable by group or others") {
		t.Errorf("no warning for a token file others can read: %q", stderr)
	}
	const warning = "WARNING: --insecure: TLS certificates are NOT verified"
	for i := 0; i < 2; i++ {
		stdout, stderr, code := run("run", "--insecure", "--token-file", tokenFile, script)
		if code != 0 || stdout != "true\n" || !strings.Contains(stderr, warning) {
			t.Errorf("--insecure run %d: exit %d, stdout %q, stderr %q", i+1, code, stdout, stderr)
		}
	}
	stdout, stderr, code := run("eval", "--insecure", "--token-file", tokenFile, `daktela.client().execute(daktela.buildReadRequest("Queues")).total`)
	if code != 0 || strings.TrimSpace(stdout) == "" || !strings.Contains(stderr, warning) {
		t.Errorf("--insecure eval: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
