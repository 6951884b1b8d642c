package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/spf13/pflag"
)

// The deployment files under deploy/ are configuration for users to copy: these tests
// check that they parse (unit syntax, YAML) and that the dkscript command lines in them
// are ones dkscript accepts, not that they run.

// unitSection is one [Section] of a systemd unit: its keys in order, values joined over
// continuation lines.
type unitSection struct {
	name string
	keys []string
	vals map[string][]string
}

// parseUnit reads a systemd unit file: comments (# and ;), [Section] headers, Key=Value
// lines and lines continued by a trailing backslash.
func parseUnit(t *testing.T, path string) []*unitSection {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*unitSection
	var cur *unitSection
	var pending string
	pendingLine := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if pending != "" {
			line = pending + " " + line
		} else {
			pendingLine = n
		}
		pending = ""
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";") {
			continue
		}
		if strings.HasSuffix(line, `\`) {
			pending = strings.TrimSpace(strings.TrimSuffix(line, `\`))
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") || len(line) < 3 {
				t.Fatalf("%s:%d: bad section header %q", path, pendingLine, line)
			}
			cur = &unitSection{name: line[1 : len(line)-1], vals: map[string][]string{}}
			out = append(out, cur)
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			t.Fatalf("%s:%d: not Key=Value: %q", path, pendingLine, line)
		}
		if cur == nil {
			t.Fatalf("%s:%d: %s before any [Section]", path, pendingLine, k)
		}
		if _, seen := cur.vals[k]; !seen {
			cur.keys = append(cur.keys, k)
		}
		cur.vals[k] = append(cur.vals[k], strings.TrimSpace(v))
	}
	if pending != "" {
		t.Fatalf("%s: the file ends in a continued line", path)
	}
	return out
}

// checkDkscriptArgs parses a dkscript command line from a deployment file with the
// command's real flag set.
func checkDkscriptArgs(t *testing.T, where string, args []string) {
	t.Helper()
	if len(args) == 0 {
		t.Fatalf("%s: no dkscript command", where)
	}
	root := newRootCommand(newOSState())
	c := findSubcommand(root, args[0])
	if c == nil || !c.HasAvailableFlags() {
		t.Fatalf("%s: %q is not a dkscript command with flags", where, args[0])
	}
	flags := normaliseArgs(root, args)[1:]
	if err := c.ParseFlags(flags); err != nil {
		t.Errorf("%s: dkscript %s refuses the flags: %v", where, c.Name(), flagError(c, err))
		return
	}
	rest := c.Flags().Args()
	if len(rest) == 0 || !strings.HasSuffix(rest[0], ".js") {
		t.Errorf("%s: want a script after the flags, got %q", where, rest)
	}
	if c.Name() == "serve" && len(rest) != 1 {
		t.Errorf("%s: serve takes one script and nothing after it, got %q", where, rest)
	}
}

// The systemd unit parses, has what a service needs, runs dkscript serve with flags it
// accepts, and passes systemd-analyze verify where systemd is installed.
func TestDeploySystemdUnit(t *testing.T) {
	path := filepath.Join("..", "..", "deploy", "dkscript-serve.service")
	sections := parseUnit(t, path)
	byName := map[string]*unitSection{}
	for _, s := range sections {
		byName[s.name] = s
	}
	for _, want := range []string{"Unit", "Service", "Install"} {
		if byName[want] == nil {
			t.Fatalf("%s has no [%s] section", path, want)
		}
	}
	svc := byName["Service"]
	execStart := svc.vals["ExecStart"]
	if len(execStart) != 1 {
		t.Fatalf("want one ExecStart, got %q", execStart)
	}
	args := strings.Fields(strings.ReplaceAll(execStart[0], "${CREDENTIALS_DIRECTORY}", "/run/credentials/dkscript-serve.service"))
	if filepath.Base(args[0]) != "dkscript" {
		t.Fatalf("ExecStart runs %q, want dkscript", args[0])
	}
	checkDkscriptArgs(t, "ExecStart", args[1:])
	if got := svc.vals["KillSignal"]; len(got) != 1 || got[0] != "SIGTERM" {
		t.Errorf("KillSignal %q, want SIGTERM (serve's graceful stop)", got)
	}
	if got := byName["Install"].vals["WantedBy"]; len(got) == 0 {
		t.Errorf("[Install] has no WantedBy")
	}

	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze is not installed: the unit's syntax was checked by the parser above only")
		return
	}
	// verify checks that ExecStart's program exists: point it at one that does.
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), "dkscript-serve.service")
	if err := os.WriteFile(tmp, bytes.ReplaceAll(src, []byte("/usr/local/bin/dkscript"), []byte("/bin/sh")), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sa, "verify", tmp)
	cmd.Env = append(os.Environ(), "SYSTEMD_LOG_LEVEL=warning")
	out, err := runBounded(cmd, time.Minute)
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// runBounded runs cmd and returns its combined output, killing it after d.
func runBounded(cmd *exec.Cmd, d time.Duration) ([]byte, error) {
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return b.Bytes(), err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		<-done
		return b.Bytes(), errors.New("timed out")
	}
}

// The Kubernetes manifests parse as YAML documents of known kinds; the Deployments run
// dkscript with flags it accepts; serve is probed at /healthz and given more time to
// stop than its --grace; the watcher is one replica, recreated, with its checkpoint on
// a persistent volume.
func TestDeployKubernetes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "deploy", "k8s", "*.yaml"))
	if err != nil || len(files) < 2 {
		t.Fatalf("manifests: %v %v", files, err)
	}
	kinds := map[string]int{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for i := 0; ; i++ {
			var doc map[string]any
			err := dec.Decode(&doc)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: document %d: %v", path, i+1, err)
			}
			kind, _ := doc["kind"].(string)
			api, _ := doc["apiVersion"].(string)
			name, _ := dig(doc, "metadata", "name").(string)
			if kind == "" || api == "" || name == "" {
				t.Fatalf("%s: document %d lacks kind, apiVersion or metadata.name", path, i+1)
			}
			kinds[kind]++
			if kind == "Deployment" {
				checkDeployment(t, filepath.Base(path)+": "+name, doc)
			}
		}
	}
	for _, k := range []string{"Deployment", "Service", "PersistentVolumeClaim"} {
		if kinds[k] == 0 {
			t.Errorf("no %s among the manifests", k)
		}
	}
}

func checkDeployment(t *testing.T, where string, doc map[string]any) {
	t.Helper()
	containers, _ := dig(doc, "spec", "template", "spec", "containers").([]any)
	if len(containers) != 1 {
		t.Fatalf("%s: want one container, got %d", where, len(containers))
	}
	c, _ := containers[0].(map[string]any)
	rawArgs, _ := c["args"].([]any)
	var args []string
	for _, a := range rawArgs {
		s, ok := a.(string)
		if !ok {
			t.Fatalf("%s: argument %v is not a string (quote numbers in args)", where, a)
		}
		args = append(args, s)
	}
	checkDkscriptArgs(t, where, args)
	selector, _ := dig(doc, "spec", "selector", "matchLabels", "app").(string)
	label, _ := dig(doc, "spec", "template", "metadata", "labels", "app").(string)
	if selector == "" || selector != label {
		t.Errorf("%s: the selector %q does not match the pod label %q", where, selector, label)
	}
	grace, _ := dig(doc, "spec", "template", "spec", "terminationGracePeriodSeconds").(uint64)
	switch args[0] {
	case "serve":
		for _, probe := range []string{"readinessProbe", "livenessProbe"} {
			if p, _ := dig(c, probe, "httpGet", "path").(string); p != "/healthz" {
				t.Errorf("%s: %s path %q, want /healthz", where, probe, p)
			}
		}
		f := parseServeFlags(args[1:])
		g := defaultServeGrace
		if f.grace.set {
			g = f.grace.d
		}
		if time.Duration(grace)*time.Second <= g {
			t.Errorf("%s: terminationGracePeriodSeconds %d is not more than --grace %s: handlers under way would be killed", where, grace, g)
		}
		if f.secretFile == "" {
			t.Errorf("%s: serve off loopback needs --secret-file", where)
		}
	case "run":
		if r, _ := dig(doc, "spec", "replicas").(uint64); r != 1 {
			t.Errorf("%s: a watcher must run as one replica, got %d", where, r)
		}
		if s, _ := dig(doc, "spec", "strategy", "type").(string); s != "Recreate" {
			t.Errorf("%s: strategy %q, want Recreate (never two watchers at once)", where, s)
		}
		vols, _ := dig(doc, "spec", "template", "spec", "volumes").([]any)
		hasPVC := false
		for _, v := range vols {
			if m, ok := v.(map[string]any); ok && m["persistentVolumeClaim"] != nil {
				hasPVC = true
			}
		}
		if !hasPVC {
			t.Errorf("%s: the checkpoint needs a persistent volume", where)
		}
	}
}

// parseServeFlags returns serve's flags as args set them.
func parseServeFlags(args []string) *serveFlags {
	f := &serveFlags{}
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fs.SetInterspersed(false)
	addGoFlags(fs, f.run.register)
	addGoFlags(fs, f.register)
	_ = fs.Parse(args)
	return f
}

// dig follows keys through nested maps.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
