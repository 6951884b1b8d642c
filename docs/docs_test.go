// Package docs holds the user documentation (the Markdown files here) and the tests
// that keep it true: every JavaScript block marked "js run" in README.md and docs/*.md
// runs through the real runtime against the fake Daktela and must end with exit code 0,
// the generated API reference in js-api.md must match the declarations, and the Go
// program in embedding.md must be the one in embedexample, which builds and is tested.
package docs

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

var update = flag.Bool("update", false, "rewrite the generated reference in js-api.md")

// block is one fenced code block of a Markdown file.
type block struct {
	file string
	line int    // the line of the opening fence
	info string // what follows the fence: "js run"
	code string
}

// blocks returns the fenced code blocks of the Markdown file at path.
func blocks(t *testing.T, path string) []block {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []block
	var cur *block
	var body []string
	for i, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &block{file: filepath.Base(path), line: i + 1, info: strings.TrimSpace(strings.TrimPrefix(trimmed, "```"))}
			body = nil
		case cur != nil && trimmed == "```":
			cur.code = strings.Join(body, "\n") + "\n"
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			body = append(body, line)
		}
	}
	if cur != nil {
		t.Fatalf("%s:%d: code block never closed", path, cur.line)
	}
	return out
}

// markdownFiles are README.md and every docs/*.md.
func markdownFiles(t *testing.T) []string {
	files, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{filepath.Join("..", "README.md")}, files...)
}

// runScript runs src as the CLI runs a script with --mock: every helper module and
// capability, daktela.client() on a fresh fake Daktela, in an empty working directory.
func runScript(t *testing.T, name, src string) (string, error) {
	t.Helper()
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	return runScriptOn(t, srv, name, src)
}

// runScriptOn is runScript against the fake Daktela srv, whose request log the caller
// can then read.
func runScriptOn(t *testing.T, srv *daktelatest.Server, name, src string) (string, error) {
	t.Helper()
	dir := t.TempDir()
	var out bytes.Buffer
	// WEBHOOK_URL is where the fetch examples post: a loopback server answering "ok".
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "ok")
	}))
	defer hook.Close()
	rt, err := runtime.New(runtime.Options{
		Client: srv.Client(),
		Stdout: &out,
		Stderr: &out,
		Args:   []string{},
		Env:    map[string]string{"WEBHOOK_URL": hook.URL},
		Modules: []bindings.Module{
			jsfs.New(jsfs.Options{BaseDir: dir}),
			jscsv.New(jscsv.Options{BaseDir: dir}),
			jspath.New(jspath.Options{BaseDir: dir}),
			jsdates.New(jsdates.Options{}),
		},
		Dir:          dir,
		Capabilities: runtime.Capabilities{FileAccess: true, Env: true, NewClients: true, Net: true, NetHosts: []string{"127.0.0.1"}},
		Timeout:      time.Minute,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), name, src)
	return out.String(), err
}

// TestRunnableBlocks runs every "js run" and "ts run" block of the documentation.
func TestRunnableBlocks(t *testing.T) {
	n := 0
	for _, path := range markdownFiles(t) {
		for _, b := range blocks(t, path) {
			fields := strings.Fields(b.info)
			if len(fields) < 2 || (fields[0] != "js" && fields[0] != "ts") || fields[1] != "run" {
				continue
			}
			script := b.file
			if fields[0] == "ts" {
				script += ".ts" // a TypeScript example runs as a .ts file
			}
			n++
			name := fmt.Sprintf("%s:%d", b.file, b.line)
			t.Run(name, func(t *testing.T) {
				// Pad with blank lines so error positions are the Markdown file's lines.
				src := strings.Repeat("\n", b.line) + b.code
				out, err := runScript(t, script, src)
				if code := runtime.ExitCode(err); code != 0 {
					t.Fatalf("exit code %d: %v\noutput:\n%s", code, err, out)
				}
				if strings.TrimSpace(out) == "" {
					t.Errorf("the block printed nothing; a documentation example should show its result")
				}
			})
		}
	}
	if n < 20 {
		t.Errorf("only %d runnable blocks found in the documentation; were the \"js run\" markers lost?", n)
	}
}

// TestTypesGoodScriptRuns runs testdata/types/good.js and good.ts, which CI also
// type-checks: the typed scripts are real ones.
func TestTypesGoodScriptRuns(t *testing.T) {
	for _, name := range []string{"good.js", "good.ts"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "types", name))
		if err != nil {
			t.Fatal(err)
		}
		out, err := runScript(t, name, string(src))
		if err != nil {
			t.Fatalf("%s: %v\noutput:\n%s", name, err, out)
		}
		if want := map[string]string{"good.js": "timer fired", "good.ts": "typed records done"}[name]; !strings.Contains(out, want) {
			t.Errorf("%s did not run to the end:\n%s", name, out)
		}
	}
}

const (
	beginRef = "<!-- BEGIN GENERATED REFERENCE (go test ./docs -update) -->"
	endRef   = "<!-- END GENERATED REFERENCE -->"
)

// TestAPIReferenceIsCurrent keeps the reference part of js-api.md equal to what the
// declarations generate.
func TestAPIReferenceIsCurrent(t *testing.T) {
	b, err := os.ReadFile("js-api.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, beginRef), strings.Index(s, endRef)
	if i < 0 || j < i {
		t.Fatalf("js-api.md lacks the markers %q and %q", beginRef, endRef)
	}
	want := beginRef + "\n\n" + jstypes.Markdown() + endRef
	got := s[i : j+len(endRef)]
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile("js-api.md", []byte(s[:i]+want+s[j+len(endRef):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("the reference in js-api.md is out of date: run go test ./docs -update")
}

// TestEveryNameIsInTheReference checks the guide part of js-api.md mentions every
// function and class of the daktela module, not only the generated tables.
func TestEveryNameIsInTheGuide(t *testing.T) {
	b, err := os.ReadFile("js-api.md")
	if err != nil {
		t.Fatal(err)
	}
	guide, _, _ := strings.Cut(string(b), beginRef)
	for _, e := range jstypes.Members("daktela") {
		if e.Kind == jstypes.KindType || e.Kind == jstypes.KindInterface {
			continue
		}
		short := e.Name[len("daktela."):]
		if !strings.Contains(guide, short) {
			t.Errorf("js-api.md's guide never mentions %s", e.Name)
		}
	}
}

// TestEmbeddingExampleIsTheProgram keeps the Go program shown in embedding.md equal to
// docs/embedexample/main.go, which go vet builds and its test runs.
func TestEmbeddingExampleIsTheProgram(t *testing.T) {
	prog, err := os.ReadFile(filepath.Join("embedexample", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks(t, "embedding.md") {
		if b.info == "go" && strings.HasPrefix(b.code, "// Command embedexample") {
			if b.code != string(prog) {
				t.Fatal("the program in embedding.md differs from embedexample/main.go; copy it over")
			}
			return
		}
	}
	t.Fatal("embedding.md does not show embedexample/main.go")
}
