package runtime_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
	"github.com/rogpeppe/go-internal/txtar"
)

// repoRoot is the repository, relative to this package; scriptsDir the gallery of
// scripts users copy from.
const (
	repoRoot   = ".."
	scriptsDir = "scripts"
)

// demoNow is what dates.now() returns in script runs: the demo data set's "now", so
// relative ranges ("yesterday", "older than 30 days") select the same records every day.
var demoNow = time.Date(2026, 1, 15, 12, 0, 0, 0, mustZone("Europe/Prague"))

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// scriptRun is one testdata/js/<group>/<name>.run case: runs of a scripts/ file with
// arguments, in a fresh directory, against one fake server.
type scriptRun struct {
	group, name string
	script      string     // the script, relative to the repository (scripts/x.js)
	runs        [][]string // process.argv after the script path, one entry per run
	env         map[string]string
	stdin       string
	timeout     time.Duration
	files       map[string]string // file in the run's directory → repository path it is copied from
	masks       []mask
	faults      string
	recording   int64   // @recording-size: the fake's recordings are this many bytes (0: as the calls' durations)
	live        float64 // the fake's live simulation rate (events a second), 0 for none
	now         time.Time
}

// mask replaces what re matches, in everything compared, with repl ($1 expands).
type mask struct {
	re   *regexp.Regexp
	repl string
}

// TestCorpusScripts runs every testdata/js/<group>/<name>.run case: a script of the
// scripts/ gallery (or one next to the case), with the arguments and input files the
// case gives, through the real runtime with the helper modules, against a fresh fake
// Daktela; and compares what it printed, its exit codes, the requests of its last run
// and the files it wrote with the expected files (see testdata/js/README.md).
func TestCorpusScripts(t *testing.T) {
	cases, err := loadScriptRuns(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no .run cases found in " + corpusDir)
	}
	for _, c := range cases {
		t.Run(c.group+"/"+c.name, func(t *testing.T) {
			t.Parallel()
			runScriptCase(t, c)
		})
	}
}

func loadScriptRuns(root string) ([]scriptRun, error) {
	var cases []scriptRun
	err := walkCorpus(root, ".run", func(group, file string, src []byte) error {
		c := scriptRun{group: group, name: strings.TrimSuffix(file, ".run")}
		if err := c.parse(string(src)); err != nil {
			return fmt.Errorf("%s/%s: %w", group, file, err)
		}
		cases = append(cases, c)
		return nil
	})
	return cases, err
}

// parse reads the case's "// @name value" lines; other "//" lines are comments.
func (c *scriptRun) parse(src string) error {
	c.timeout = 20 * time.Second
	c.now = demoNow
	c.runs = [][]string{nil}
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || (strings.HasPrefix(line, "//") && !strings.HasPrefix(line, "// @")) {
			continue
		}
		if !strings.HasPrefix(line, "// @") {
			return fmt.Errorf("line %d: want a // @directive or a // comment, got %q", i+1, line)
		}
		key, val, _ := strings.Cut(strings.TrimPrefix(line, "// @"), " ")
		val = strings.TrimSpace(val)
		if err := c.directive(key, val); err != nil {
			return fmt.Errorf("line %d: @%s: %w", i+1, key, err)
		}
	}
	if c.script == "" {
		return errors.New("no @script line names the script to run")
	}
	return nil
}

func (c *scriptRun) directive(key, val string) error {
	switch key {
	case "script":
		// A file of scripts/, or with "./" one next to the case (for module tests that
		// want a fresh directory and a fixed dates.now()).
		p := scriptsDir + "/" + val
		if rest, ok := strings.CutPrefix(val, "./"); ok {
			p = "testdata/js/" + c.group + "/" + rest
		}
		if _, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(p))); err != nil {
			return err
		}
		c.script = p
	case "args", "then":
		words, err := splitWords(val)
		if err != nil {
			return err
		}
		if key == "args" {
			c.runs[0] = words
		} else {
			c.runs = append(c.runs, words)
		}
	case "env":
		k, v, ok := strings.Cut(val, "=")
		if !ok {
			return errors.New("want NAME=value")
		}
		if c.env == nil {
			c.env = map[string]string{}
		}
		c.env[k] = v
	case "stdin":
		s, err := strconv.Unquote(val)
		if err != nil {
			return fmt.Errorf("want a Go-quoted string: %w", err)
		}
		c.stdin = s
	case "timeout":
		d, err := time.ParseDuration(val)
		if err != nil {
			return err
		}
		c.timeout = d
	case "file":
		name, from, ok := strings.Cut(val, "=")
		if !ok {
			name, from = filepath.Base(val), val
		}
		if _, err := os.Stat(filepath.Join(repoRoot, from)); err != nil {
			return err
		}
		if c.files == nil {
			c.files = map[string]string{}
		}
		c.files[name] = from
	case "mask":
		pat, repl, ok := strings.Cut(val, " => ")
		if !ok {
			repl = "…"
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return err
		}
		c.masks = append(c.masks, mask{re: re, repl: repl})
	case "faults":
		if _, err := daktelatest.ParseFaults(val); err != nil {
			return err
		}
		c.faults = val
	case "recording-size":
		n, err := strconv.ParseInt(val, 10, 64)
		if err != nil || n < daktelatest.MinRecordingSize {
			return fmt.Errorf("@recording-size takes a number of bytes, at least %d", daktelatest.MinRecordingSize)
		}
		c.recording = n
	case "live":
		r, err := strconv.ParseFloat(val, 64)
		if err != nil || r <= 0 || r > daktelatest.MaxLiveRate {
			return fmt.Errorf("want events a second, above 0 and at most %d", daktelatest.MaxLiveRate)
		}
		c.live = r
	case "now":
		tm, err := time.ParseInLocation("2006-01-02 15:04:05", val, demoNow.Location())
		if err != nil {
			return err
		}
		c.now = tm
	default:
		return errors.New("unknown directive (script, args, then, env, stdin, timeout, file, mask, faults, recording-size, live, now)")
	}
	return nil
}

// splitWords splits s at spaces; a word in double quotes is Go-unquoted and may hold
// spaces.
func splitWords(s string) ([]string, error) {
	var words []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] != '"' {
			w, rest, _ := strings.Cut(s, " ")
			words = append(words, w)
			s = rest
			continue
		}
		q, err := strconv.QuotedPrefix(s)
		if err != nil {
			return nil, fmt.Errorf("bad quoted word in %s: %w", s, err)
		}
		w, _ := strconv.Unquote(q)
		words = append(words, w)
		s = s[len(q):]
	}
	return words, nil
}

func (c *scriptRun) expectedPath(ext string) string {
	return filepath.Join(corpusDir, c.group, c.name+ext)
}

func runScriptCase(t *testing.T, c scriptRun) {
	dir := t.TempDir()
	for name, from := range c.files {
		b, err := os.ReadFile(filepath.Join(repoRoot, from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := daktelatest.NewServer(daktelatest.Options{Faults: c.faults, RecordingSize: c.recording, Live: c.live})
	defer srv.Close()

	// Runs after the first are headed by a line naming them, in stdout always and in
	// stderr when they wrote there. The exit codes are listed one a line.
	var stdout, stderr, codes strings.Builder
	var lastRequests int
	failed := false
	for i, args := range c.runs {
		var out, errOut bytes.Buffer
		lastRequests = len(srv.Requests())
		code := runScriptOnce(t, c, dir, srv, args, &out, &errOut)
		if i > 0 {
			head := fmt.Sprintf("--- run %d: %s ---\n", i+1, strings.Join(args, " "))
			if len(args) == 0 {
				head = fmt.Sprintf("--- run %d, no arguments ---\n", i+1)
			}
			stdout.WriteString(head)
			if errOut.Len() > 0 {
				stderr.WriteString(head)
			}
		}
		stdout.Write(out.Bytes())
		stderr.Write(errOut.Bytes())
		fmt.Fprintf(&codes, "%d\n", code)
		failed = failed || code != 0
	}

	got := map[string]string{
		".stdout": stdout.String(),
		".stderr": stderr.String(),
		".exit":   "",
		".files":  writtenFiles(t, dir, c.files),
	}
	if failed {
		got[".exit"] = codes.String()
	}
	log := formatRequests(srv.Requests()[lastRequests:])
	if _, err := os.Stat(c.expectedPath(".requests")); err == nil || (*update && log != "") {
		got[".requests"] = log
	}
	for ext, text := range got {
		if strings.Contains(text, srv.Token) {
			t.Errorf("%s: the access token appears in %s", c.name, ext)
		}
		for _, m := range c.masks {
			text = m.re.ReplaceAllString(text, m.repl)
		}
		got[ext] = text
	}
	compareExpected(t, c.name, got, c.expectedPath)
}

// runScriptOnce runs the case's script once with args in dir and returns its exit code.
func runScriptOnce(t testing.TB, c scriptRun, dir string, srv *daktelatest.Server, args []string, stdout, stderr *bytes.Buffer) int {
	now := c.now
	rt, err := runtime.New(runtime.Options{
		Client:       daktela.NewClient(srv.URL, srv.Token),
		Stdout:       stdout,
		Stderr:       stderr,
		Stdin:        strings.NewReader(c.stdin),
		Args:         args,
		Env:          c.env,
		ModuleFS:     os.DirFS(repoRoot),
		Capabilities: runtime.Capabilities{FileAccess: true, Env: true},
		Dir:          dir,
		Timeout:      c.timeout,
		Modules: []bindings.Module{
			jsfs.New(jsfs.Options{BaseDir: dir}),
			jscsv.New(jscsv.Options{BaseDir: dir}),
			jspath.New(jspath.Options{BaseDir: dir}),
			jsdates.New(jsdates.Options{Now: func() time.Time { return now }}),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout+10*time.Second)
	defer cancel()
	err = rt.RunFile(ctx, c.script)
	var exitErr *runtime.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		stderr.WriteString(err.Error() + "\n")
	}
	return runtime.ExitCode(err)
}

// writtenFiles returns the files a case's runs left in dir, other than its inputs, as a
// txtar archive sorted by name ("" when there are none). A binary file (a recording), or
// one over 16 KiB, is shown by its size and SHA-256 instead of its bytes.
func writtenFiles(t *testing.T, dir string, inputs map[string]string) string {
	var ar txtar.Archive
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if _, ok := inputs[rel]; ok {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if len(b) > 16<<10 || !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
			b = []byte(fmt.Sprintf("(%d bytes, sha256 %x)\n", len(b), sha256.Sum256(b)))
		}
		ar.Files = append(ar.Files, txtar.File{Name: rel, Data: b})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ar.Files) == 0 {
		return ""
	}
	sort.Slice(ar.Files, func(i, j int) bool { return ar.Files[i].Name < ar.Files[j].Name })
	return string(txtar.Format(&ar))
}

// compareExpected compares got (by extension) with the expected files, or rewrites them
// under -update (removing those that would be empty, except .stdout).
func compareExpected(t *testing.T, name string, got map[string]string, path func(ext string) string) {
	t.Helper()
	exts := make([]string, 0, len(got))
	for ext := range got {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	for _, ext := range exts {
		p := path(ext)
		if *update {
			if got[ext] == "" && ext != ".stdout" {
				_ = os.Remove(p)
				continue
			}
			if err := os.WriteFile(p, []byte(got[ext]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		if string(want) != got[ext] {
			t.Errorf("%s%s differs (go test ./runtime -run %s -update rewrites it)\n--- want\n%s--- got\n%s", name, ext, strings.SplitN(t.Name(), "/", 2)[0], want, got[ext])
		}
	}
}

// BenchmarkScriptExportRecords runs scripts/export-records.js over 10 000 synthesised
// campaign records with its default twelve columns (nested ones included) into a CSV
// file: the gallery's hot path, JS per record plus the csv writer, end to end over
// loopback HTTP.
//
//	go test ./runtime -run '^$' -bench ScriptExportRecords -benchtime 5x
func BenchmarkScriptExportRecords(b *testing.B) {
	const n = 10000
	srv := daktelatest.NewServer(daktelatest.Options{Records: map[string]int{"campaignsRecords": n}})
	defer srv.Close()
	dir := b.TempDir()
	c := scriptRun{
		script:  scriptsDir + "/export-records.js",
		timeout: time.Minute,
		now:     demoNow,
	}
	args := []string{"--from", "2000-01-01", "--to", "2030-12-31", "--out", "export.csv"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var stdout, stderr bytes.Buffer
		if code := runScriptOnce(b, c, dir, srv, args, &stdout, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
		if !strings.HasPrefix(stderr.String(), fmt.Sprintf("Exported %d campaign records", n)) {
			b.Fatalf("unexpected report: %s", stderr.String())
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}
