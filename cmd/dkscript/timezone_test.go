package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestTimezoneBinary drives the real binary against a server whose answers always say
// _timezone "UTC": --timezone (or a profile's timezone) is sent as x-timezone-client on
// every request, the zone is the one Dates and the dates module use, and an answer in
// another zone gets exactly one warning per run, however many requests there are.
func TestTimezoneBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)

	var mu sync.Mutex
	var headers []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		headers = append(headers, r.Header.Get("x-timezone-client"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"error":[],"result":{"data":[],"total":0},"_time":"2026-01-15 11:00:00","_serverTime":"2026-01-15 11:00:00","_timezone":"UTC"}`))
	}))
	defer srv.Close()
	takeHeaders := func() []string {
		mu.Lock()
		defer mu.Unlock()
		h := headers
		headers = nil
		return h
	}

	dir := t.TempDir()
	script := writeScript(t, dir, "tz.js", `
const dates = require("dates");
const c = daktela.client();
for (let i = 0; i < 3; i++) c.execute(daktela.buildReadRequest("users"));
const d = dates.parse("2026-01-15 00:30:00");
const p = dates.parts(d);
console.log(dates.timeZone, d.getDate(), p.day, p.hour, new Date("2026-01-15T04:30:00Z").getHours(),
	JSON.stringify(daktela.buildCreateRequest("x").addAttribute("t", new Date("2026-01-20T08:30:00Z")).getAttributes()));
`)
	cfgDir := filepath.Join(dir, "config")
	if err := os.MkdirAll(filepath.Join(cfgDir, "dkscript"), 0o700); err != nil {
		t.Fatal(err)
	}
	cfg, _ := json.Marshal(map[string]any{"profiles": map[string]any{
		"ny": map[string]string{"url": srv.URL, "token": "tok", "timezone": "America/New_York"},
	}})
	if err := os.WriteFile(filepath.Join(cfgDir, "dkscript", "config.json"), cfg, 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, args ...string) (stdout, stderr string) {
		t.Helper()
		cmd := exec.Command(bin, append(args, script)...)
		// The machine runs in UTC: the instance's calendar must still win.
		cmd.Env = append(os.Environ(), "TZ=UTC", "DAKTELA_URL=", "DAKTELA_TOKEN=", "XDG_CONFIG_HOME="+cfgDir, "HOME="+dir)
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("dkscript %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
		}
		return out.String(), errOut.String()
	}
	t.Run("default zone, not sent; one warning", func(t *testing.T) {
		cmd := exec.Command(bin, "run", script)
		cmd.Env = append(os.Environ(), "TZ=UTC", "DAKTELA_URL="+srv.URL, "DAKTELA_TOKEN=tok", "XDG_CONFIG_HOME="+filepath.Join(dir, "none"), "HOME="+dir)
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %s", err, errOut.String())
		}
		if want := "Europe/Prague 15 15 0 5 {\"t\":\"2026-01-20 09:30:00\"}\n"; out.String() != want {
			t.Errorf("stdout %q, want %q", out.String(), want)
		}
		stderr := errOut.String()
		if n := strings.Count(stderr, "warning:"); n != 1 || !strings.Contains(stderr, "time zone UTC") || !strings.Contains(stderr, "--timezone UTC") {
			t.Errorf("stderr %q, want one warning naming UTC and --timezone", stderr)
		}
		for _, h := range takeHeaders() {
			if h != "" {
				t.Errorf("x-timezone-client %q sent without --timezone", h)
			}
		}
	})

	t.Run("--timezone sent, no warning when the server follows", func(t *testing.T) {
		out, stderr := run(t, "run", "--profile", "ny", "--timezone", "UTC")
		if want := "UTC 15 15 0 4 {\"t\":\"2026-01-20 08:30:00\"}\n"; out != want {
			t.Errorf("stdout %q, want %q", out, want)
		}
		if stderr != "" {
			t.Errorf("stderr %q, want none", stderr)
		}
		h := takeHeaders()
		if len(h) != 3 || h[0] != "UTC" || h[1] != "UTC" || h[2] != "UTC" {
			t.Errorf("x-timezone-client headers %q, want UTC on all 3 requests", h)
		}
	})

	t.Run("profile timezone, server in another zone: one warning", func(t *testing.T) {
		out, stderr := run(t, "run", "--profile", "ny")
		if want := "America/New_York 15 15 0 23 {\"t\":\"2026-01-20 03:30:00\"}\n"; out != want {
			t.Errorf("stdout %q, want %q", out, want)
		}
		if n := strings.Count(stderr, "warning:"); n != 1 || !strings.Contains(stderr, "time zone UTC") || !strings.Contains(stderr, "America/New_York asked by profile ny") {
			t.Errorf("stderr %q, want one warning naming UTC and the profile's zone", stderr)
		}
		h := takeHeaders()
		if len(h) != 3 || h[0] != "America/New_York" {
			t.Errorf("x-timezone-client headers %q, want America/New_York on all 3 requests", h)
		}
	})
}
