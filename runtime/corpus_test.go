package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

var update = flag.Bool("update", false, "rewrite the corpus's expected .stdout, .stderr, .exit and .requests files")

// corpusDir is the JS corpus, relative to this package.
const corpusDir = "../testdata/js"

// corpusCase is one testdata/js/<group>/<name>.js script and its directives.
type corpusCase struct {
	group, name string
	rel         string // group/name.js, the name the script runs under
	src         string
	timeout     time.Duration
	args        []string
	env         map[string]string
	stdin       string
	caps        runtime.Capabilities
	server      bool
	faults      string    // the fake server's fault spec
	now         time.Time // the fixed clock of the script and the server (zero: real)
	node        bool      // @node: Node prints the same stdout (TestNodePrintsTheSame)
}

// TestCorpus runs every script of testdata/js through the real runtime, with a client
// pointed at a fresh daktelatest server, and compares what it printed, its exit code
// and the requests it sent with the expected files (see testdata/js/README.md).
func TestCorpus(t *testing.T) {
	cases, err := loadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no corpus cases found in " + corpusDir)
	}
	for _, c := range cases {
		t.Run(c.group+"/"+c.name, func(t *testing.T) {
			t.Parallel()
			runCorpusCase(t, c)
		})
	}
}

func loadCorpus(root string) ([]corpusCase, error) {
	var cases []corpusCase
	// .ts and .mjs cases are ES modules and TypeScript (transformed by esbuild).
	for _, ext := range []string{".js", ".mjs", ".ts"} {
		if err := walkCorpus(root, ext, func(group, file string, src []byte) error {
			return addCorpusCase(&cases, group, file, ext, src)
		}); err != nil {
			return nil, err
		}
	}
	return cases, nil
}

// addCorpusCase adds the case of the script file (of extension ext) to cases.
func addCorpusCase(cases *[]corpusCase, group, file, ext string, src []byte) error {
	if strings.HasPrefix(file, "_") {
		return nil // a helper another case runs or requires
	}
	c := corpusCase{group: group, name: strings.TrimSuffix(file, ext), rel: group + "/" + file, src: string(src)}
	if err := c.parseDirectives(); err != nil {
		return fmt.Errorf("%s: %w", c.rel, err)
	}
	if _, err := os.Stat(c.expectedPath(".requests")); err == nil {
		c.server = true
	}
	if strings.Contains(c.src, "daktela") {
		c.server = true
	}
	*cases = append(*cases, c)
	return nil
}

// walkCorpus calls fn with every file of a group directory of root (one level down)
// whose name ends in ext, in directory order.
func walkCorpus(root, ext string, fn func(group, file string, src []byte) error) error {
	groups, err := os.ReadDir(root)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if !g.IsDir() {
			continue
		}
		files, err := os.ReadDir(filepath.Join(root, g.Name()))
		if err != nil {
			return err
		}
		for _, f := range files {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ext) {
				continue
			}
			src, err := os.ReadFile(filepath.Join(root, g.Name(), f.Name()))
			if err != nil {
				return err
			}
			if err := fn(g.Name(), f.Name(), src); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseDirectives reads "// @name value" lines at the top of the script.
func (c *corpusCase) parseDirectives() error {
	c.timeout = 20 * time.Second
	c.caps = runtime.Capabilities{Env: true}
	for _, line := range strings.Split(c.src, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#!") || line == "" {
			continue
		}
		if !strings.HasPrefix(line, "// @") {
			break
		}
		key, val, _ := strings.Cut(strings.TrimPrefix(line, "// @"), " ")
		val = strings.TrimSpace(val)
		switch key {
		case "timeout":
			d, err := time.ParseDuration(val)
			if err != nil {
				return fmt.Errorf("@timeout: %w", err)
			}
			c.timeout = d
		case "args":
			c.args = strings.Fields(val)
		case "env":
			if c.env == nil {
				c.env = map[string]string{}
			}
			k, v, _ := strings.Cut(val, "=")
			c.env[k] = v
		case "stdin":
			s, err := strconv.Unquote(val)
			if err != nil {
				return fmt.Errorf("@stdin wants a Go-quoted string: %w", err)
			}
			c.stdin = s
		case "faults":
			if _, err := daktelatest.ParseFaults(val); err != nil {
				return fmt.Errorf("@faults: %w", err)
			}
			c.faults = val
			c.server = true
		case "now":
			loc, err := time.LoadLocation("Europe/Prague")
			if err != nil {
				return err
			}
			if c.now, err = time.ParseInLocation("2006-01-02 15:04:05", val, loc); err != nil {
				return fmt.Errorf("@now wants \"YYYY-MM-DD HH:MM:SS\" (Europe/Prague): %w", err)
			}
		case "caps":
			c.caps = runtime.Capabilities{}
			for _, cp := range strings.Split(val, ",") {
				switch strings.TrimSpace(cp) {
				case "file":
					c.caps.FileAccess = true
				case "env":
					c.caps.Env = true
				case "newclients":
					c.caps.NewClients = true
				case "none", "":
				default:
					return fmt.Errorf("@caps: unknown capability %q (file, env, newclients, none)", cp)
				}
			}
		case "node":
			c.node = true
		default:
			return fmt.Errorf("unknown directive @%s (timeout, args, env, stdin, caps, faults, now, node)", key)
		}
	}
	return nil
}

func (c *corpusCase) expectedPath(ext string) string {
	return filepath.Join(corpusDir, c.group, c.name+ext)
}

func runCorpusCase(t *testing.T, c corpusCase) {
	var stdout, stderr bytes.Buffer
	base, err := filepath.Abs(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	opts := runtime.Options{
		Stdout:       &stdout,
		Stderr:       &stderr,
		Stdin:        strings.NewReader(c.stdin),
		Args:         c.args,
		Env:          c.env,
		ModuleFS:     os.DirFS(corpusDir),
		Capabilities: c.caps,
		Timeout:      c.timeout,
		Now:          c.now,
		// The helper modules the CLI adds, with paths relative to this directory.
		Modules: []bindings.Module{
			jsfs.New(jsfs.Options{BaseDir: base}),
			jscsv.New(jscsv.Options{BaseDir: base}),
			jspath.New(jspath.Options{BaseDir: base}),
			jsdates.New(jsdates.Options{}),
		},
	}
	var srv *daktelatest.Server
	if c.server {
		so := daktelatest.Options{Faults: c.faults}
		if at := c.now; !at.IsZero() {
			so.Now = func() time.Time { return at }
		}
		srv = daktelatest.NewServer(so)
		defer srv.Close()
		opts.Client = daktela.NewClient(srv.URL, srv.Token)
	}
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout+10*time.Second)
	defer cancel()
	err = rt.RunFile(ctx, c.rel)
	var exitErr *runtime.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		stderr.WriteString(err.Error() + "\n")
	}
	code := runtime.ExitCode(err)

	got := map[string]string{
		".stdout": stdout.String(),
		".stderr": stderr.String(),
		".exit":   "",
	}
	if code != 0 {
		got[".exit"] = strconv.Itoa(code) + "\n"
	}
	if srv != nil {
		log := formatRequests(srv.Requests())
		if _, statErr := os.Stat(c.expectedPath(".requests")); statErr == nil || (*update && log != "") {
			got[".requests"] = log
		}
		for ext, text := range got {
			if strings.Contains(text, srv.Token) {
				t.Errorf("%s: the access token appears in %s", c.rel, ext)
			}
		}
	}

	compareExpected(t, c.name, got, c.expectedPath)
}

// formatRequests prints the server's request log one request a line: the method, the
// path, the decoded query sorted by key, and the body.
func formatRequests(reqs []daktelatest.LoggedRequest) string {
	var b strings.Builder
	for _, r := range reqs {
		b.WriteString(r.Method)
		b.WriteByte(' ')
		b.WriteString(r.Path)
		keys := make([]string, 0, len(r.Query))
		for k := range r.Query {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sep := "?"
		for _, k := range keys {
			for _, v := range r.Query[k] {
				b.WriteString(sep + k + "=" + v)
				sep = "&"
			}
		}
		if len(r.Body) > 0 {
			b.WriteByte(' ')
			b.Write(bytes.TrimSpace(r.Body))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
