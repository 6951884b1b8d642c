package repl

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// A line that makes a client with a typed token, signs in with a typed password or
// gives a credential-named variable a string stays out of the history file, the
// arrow-key history and .save files, not only a line holding the configured token; a
// .save file is private to the user (0600), also when it existed with a wider mode.
func TestCredentialsKeptOutOfHistoryAndSave(t *testing.T) {
	h := newTestHost(t, false)
	dir := t.TempDir()
	histPath := filepath.Join(dir, "repl_history")
	saved := filepath.Join(dir, "session.js")
	must(t, os.WriteFile(saved, []byte("old\n"), 0o644))
	secretLines := []string{
		`const c2 = new daktela.Client(daktela.client().getBaseUrl(), "typed-token-1234")`,
		`const c3 = daktela.login(daktela.client().getBaseUrl(), "admin", "demo")`,
		`const { login } = daktela; const later = () => login("https://x.example", "ann", "pw-typed")`,
		`const c4 = daktela.Client.getInstance(daktela.client().getBaseUrl(), 'typed-token-5678')`,
		`let password = "hunter2-typed"`,
		"const cfg = {accessToken: `typed-token-9`}",
		`const u = "https://x.example/api/v6/users.json?accessToken=typed-token-10"`,
	}
	keptLines := []string{"1 + 1", "const tokenCount = 3", "c2.getBaseUrl() === c3.getBaseUrl()", "daktela.client().ping()"}
	inputs := append(typed(secretLines...), typed(keptLines...)...)
	inputs = append(inputs, typed(".save "+saved)...)
	p := newFakePrompter(true, inputs...)
	cfg := Config{Secrets: []string{h.srv.Token}, Stdout: h.stdout, Stderr: h.stderr, Interrupt: make(chan os.Signal, 1)}
	hf, _, err := openHistory(histPath, cfg.Secrets)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := newSession(h.rt, cfg, p, hf).run(ctx); err != nil {
		t.Fatal(err)
	}
	must(t, hf.close())
	if strings.Contains(h.stderr.String(), "Error") {
		t.Fatalf("an entry failed:\n%s", h.stderr)
	}
	hist, err := os.ReadFile(histPath)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(append(append([]string{}, keptLines...), ".save "+saved), "\n") + "\n"; string(hist) != want {
		t.Errorf("history file:\n%s\nwant:\n%s", hist, want)
	}
	for _, l := range secretLines {
		if slices.Contains(p.history, l) {
			t.Errorf("arrow-key history holds %q", l)
		}
	}
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(keptLines, "\n") + "\n"; string(data) != want {
		t.Errorf(".save wrote:\n%s\nwant:\n%s", data, want)
	}
	if !strings.Contains(h.stdout.String(), "(7 entries holding a credential left out)") {
		t.Errorf("stdout: %s", h.stdout)
	}
	fi, err := os.Stat(saved)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf(".save file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

func TestHoldsCredential(t *testing.T) {
	for line, want := range map[string]bool{
		`new daktela.Client(url, "abc")`:       true,
		`new Client (url, tok)`:                true,
		`daktela.login(u, "a", "b")`:           true,
		`x.getInstance(u, t)`:                  true,
		`const TOKEN = 'abc'`:                  true,
		`opts = {"password": "x"}`:             true,
		`api_key: "k"`:                         true,
		`fetch("https://h/?accessToken=abc")`:  true,
		`holds "secret" in it`:                 false,
		`daktela.client().execute(req)`:        false,
		`const tokens = count`:                 false,
		`typeof daktela.login`:                 false,
		`new HttpClient(x)`:                    false,
		`console.log("the password is wrong")`: false,
	} {
		if got := holdsCredential(line, nil); got != want {
			t.Errorf("holdsCredential(%q) = %v, want %v", line, got, want)
		}
	}
}
