package jscsv_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/runtime"
)

// runScript runs src as the file dir/name through the real runtime with the fs and csv
// modules, returning what it printed and its error.
func runScript(t *testing.T, dir, name, src string) (string, error) {
	t.Helper()
	script := filepath.Join(dir, name)
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{
		Stdout: &out,
		Stderr: &out,
		Modules: []bindings.Module{
			jsfs.New(jsfs.Options{BaseDir: dir}),
			jscsv.New(jscsv.Options{BaseDir: dir}),
		},
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunFile(context.Background(), script)
	return out.String(), err
}

// TestImportReportThroughRuntime runs an import-style script: validate every row, report
// the broken ones by line, write a results CSV.
func TestImportReportThroughRuntime(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "import.csv", "\xEF\xBB\xBFname,phone\r\nAnn,+420 1\r\n\"Bob, Jr.\",\"2\r\n3\"\r\nCyril\r\nDana,x\"y\r\nEva,5\r\n")
	out, err := runScript(t, dir, "import.js", `
		const csv = require("csv");
		const results = csv.writer("results.csv", {columns: ["line", "name", "result"]});
		try {
			for (const row of csv.reader("import.csv", {errors: "yield"})) {
				if (row.error) {
					console.log("line " + row.line + ": " + row.error);
					results.write({line: row.line, result: "error: " + row.error});
					continue;
				}
				results.write({line: row.line, name: row.record.name, result: "ok"});
			}
		} finally {
			results.close();
		}
		console.log(results.count + " rows");
	`)
	if err != nil {
		t.Fatalf("script failed: %v\n%s", err, out)
	}
	want := "line 5: wrong number of fields (expected 2, got 1)\nline 6: bare \" in non-quoted-field\n5 rows\n"
	if out != want {
		t.Fatalf("printed\n%s\nwant\n%s", out, want)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "results.csv"))
	wantCSV := "line,name,result\n2,Ann,ok\n3,\"Bob, Jr.\",ok\n5,,\"error: wrong number of fields (expected 2, got 1)\"\n6,,\"error: bare \"\" in non-quoted-field\"\n7,Eva,ok\n"
	if string(b) != wantCSV {
		t.Fatalf("results.csv\n%s\nwant\n%s", b, wantCSV)
	}
}

// TestUncaughtErrorsThroughRuntime checks that an uncaught broken row or missing file
// reaches the user as the runtime's report, naming the data file and line and the
// script position.
func TestUncaughtErrorsThroughRuntime(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "in.csv", "a,b\n1,2\n3\n")
	cases := []struct{ src, want []string }{
		{[]string{"const csv = require(\"csv\");", "for (const r of csv.reader(\"in.csv\")) {}"},
			[]string{"job.js:2:", "Error: in.csv:3: wrong number of fields (expected 2, got 1)", "code: 'ERR_CSV_PARSE'"}},
		{[]string{"const fs = require(\"fs\");", "", "fs.readFileSync(\"missing.csv\", \"utf8\");"},
			[]string{"job.js:3:", "Error: ENOENT: no such file or directory, open 'missing.csv'", "code: 'ENOENT'"}},
		{[]string{"require(\"csv\").stringify(5);"},
			[]string{"job.js:1:", "TypeError: csv.stringify: rows must be an array or an iterable, got 5"}},
	}
	for _, c := range cases {
		out, err := runScript(t, dir, "job.js", strings.Join(c.src, "\n"))
		var se *runtime.ScriptError
		if !errors.As(err, &se) {
			t.Fatalf("%s: want a ScriptError, got %v (output %q)", c.src, err, out)
		}
		report := err.Error()
		for _, w := range c.want {
			if !strings.Contains(report, w) {
				t.Errorf("report lacks %q:\n%s", w, report)
			}
		}
		if strings.Contains(report, ".go:") || strings.Contains(report, "goroutine") {
			t.Errorf("report shows Go internals:\n%s", report)
		}
	}
}

// TestUnclosedEmptyWriterGetsHeader: a writer that got no rows and was never closed
// ends the run with the same file an explicit close() writes: the header alone.
func TestUnclosedEmptyWriterGetsHeader(t *testing.T) {
	dir := t.TempDir()
	if _, err := runScript(t, dir, "empty.js", `
		const csv = require("csv");
		csv.writer("left-open.csv", {columns: ["a", "b"]});
		csv.writer("closed.csv", {columns: ["a", "b"]}).close();
	`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"left-open.csv", "closed.csv"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != "a,b\n" {
			t.Errorf("%s = %q, want the header %q", name, got, "a,b\n")
		}
	}
}

// TestParseFileOfEndlessLine: a file with no line end (here /dev/zero) ends in a
// RangeError once a line passes the read limit, instead of filling the memory.
func TestParseFileOfEndlessLine(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	prev := debug.SetMemoryLimit(64 << 20) // a read then takes 16 MiB at most
	defer debug.SetMemoryLimit(prev)
	dir := t.TempDir()
	for _, call := range []string{`csv.parseFile("/dev/zero")`, `for (const r of csv.reader("/dev/zero")) {}`} {
		out, err := runScript(t, dir, "zero.js", `const csv = require("csv");
try { `+call+`; console.log("read it all") } catch (e) { console.log(e.name + ": " + e.message) }`)
		if err != nil {
			t.Fatal(err)
		}
		if want := "RangeError: csv."; !strings.HasPrefix(out, want) || !strings.Contains(out, "/dev/zero: a line holds more than 16777216 bytes") {
			t.Errorf("%s printed %q", call, out)
		}
	}
}
