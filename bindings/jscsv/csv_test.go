package jscsv_test

import (
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings/jscsv"
)

func newCSV(t testing.TB, stdin string) (*bindingstest.Host, string) {
	t.Helper()
	dir := t.TempDir()
	h := bindingstest.New(t, jscsv.New(jscsv.Options{BaseDir: dir}))
	h.Input = strings.NewReader(stdin)
	h.Run(t, `var csv = require("csv");`)
	return h, dir
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tricky holds a BOM, CRLF line ends, quoted delimiters, doubled quotes, a line break
// inside a field, Czech text and an empty field.
const tricky = "\xEF\xBB\xBFname,note,phone\r\n" +
	"Jan Novák,\"hello, world\",+420 777 000 111\r\n" +
	"\"Eva \"\"Evka\"\" Malá\",\"two\r\nlines\",\r\n" +
	"Petr,plain,123\r\n"

func TestParseObjects(t *testing.T) {
	h, _ := newCSV(t, "")
	h.VM().Set("text", tricky)
	got := h.Run(t, `JSON.stringify(csv.parse(text))`).String()
	want := `[{"name":"Jan Novák","note":"hello, world","phone":"+420 777 000 111"},` +
		`{"name":"Eva \"Evka\" Malá","note":"two\nlines","phone":""},` +
		`{"name":"Petr","note":"plain","phone":"123"}]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	// Keys keep the header's order.
	if got := h.Run(t, `Object.keys(csv.parse(text)[0]).join()`).String(); got != "name,note,phone" {
		t.Fatalf("key order %s", got)
	}
}

func TestParseOptions(t *testing.T) {
	h, _ := newCSV(t, "")
	cases := []struct{ src, want string }{
		{`csv.parse("a,b\n1,2\n", {header: false})`, `[["a","b"],["1","2"]]`},
		{`csv.parse("1,2\n3,4\n", {header: false, columns: ["x", "y"]})`, `[{"x":"1","y":"2"},{"x":"3","y":"4"}]`},
		{`csv.parse("a,b\n1,2\n", {columns: ["x", "y"]})`, `[{"x":"1","y":"2"}]`},
		{`csv.parse("a;b\n1;\"2;3\"\n", {delimiter: ";"})`, `[{"a":"1","b":"2;3"}]`},
		{`csv.parse("a\tb\n1\t2\n", {delimiter: "\t"})`, `[{"a":"1","b":"2"}]`},
		{`csv.parse("a, b\n1,  2\n", {trim: true})`, `[{"a":"1","b":"2"}]`},
		{`csv.parse("# note\na,b\n# skip\n1,2\n", {comment: "#"})`, `[{"a":"1","b":"2"}]`},
		{`csv.parse("a,b\n1,x\"y\n", {lazyQuotes: true})`, `[{"a":"1","b":"x\"y"}]`},
		{`csv.parse("a,b,c\n1\n1,2,3,4\n", {relaxColumnCount: true})`, `[{"a":"1","b":"","c":""},{"a":"1","b":"2","c":"3"}]`},
		{`csv.parse("a,b\n\n1,2\n\n")`, `[{"a":"1","b":"2"}]`},
		{`csv.parse("")`, `[]`},
		{`csv.parse("a,b\n")`, `[]`},
		{`csv.parse("a,b\n1,2", {quote: '"'})`, `[{"a":"1","b":"2"}]`},
	}
	for _, c := range cases {
		if got := h.Run(t, `JSON.stringify(`+c.src+`)`).String(); got != c.want {
			t.Errorf("%s\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	h, dir := newCSV(t, "")
	cases := []struct {
		src, msg string
		line     int64
	}{
		{`csv.parse("a,b\n1,2\n1,2,3\n")`, "csv.parse: line 3: wrong number of fields (expected 2, got 3)", 3},
		{`csv.parse("1,2\n3\n", {header: false, columns: ["x", "y"]})`, "csv.parse: line 2: wrong number of fields (expected 2, got 1)", 2},
		{`csv.parse("a,b\n1,x\"y\n")`, "csv.parse: line 2: bare \" in non-quoted-field (column 4)", 2},
		{`csv.parse("a,b\n1,\"open\n2,3\n4,5\n")`, "csv.parse: line 2: extraneous or missing \" in quoted-field (the field runs on to line 4, column 5)", 2},
		{`csv.parse("a,a\n1,2\n")`, `csv.parse: line 1: duplicate column name "a" in the header`, 1},
	}
	for _, c := range cases {
		e := h.Throws(t, c.src)
		if bindingstest.Prop(e, "message") != c.msg || bindingstest.Prop(e, "code") != "ERR_CSV_PARSE" || e.Get("line").ToInteger() != c.line || bindingstest.Prop(e, "name") != "Error" {
			t.Errorf("%s\n got  %s %s line %s: %s\n want %s line %d", c.src, bindingstest.Prop(e, "name"), bindingstest.Prop(e, "code"), bindingstest.Prop(e, "line"), bindingstest.Prop(e, "message"), c.msg, c.line)
		}
	}
	// Files name themselves and count lines across quoted line breaks.
	writeFile(t, dir, "broken.csv", "\xEF\xBB\xBFa,b\n\"x\ny\",1\n2,3,4\n")
	e := h.Throws(t, `csv.parseFile("broken.csv")`)
	if bindingstest.Prop(e, "message") != "broken.csv:4: wrong number of fields (expected 2, got 3)" || bindingstest.Prop(e, "file") != "broken.csv" {
		t.Fatalf("file error: %s (file %s)", bindingstest.Prop(e, "message"), bindingstest.Prop(e, "file"))
	}
	e = h.Throws(t, `csv.parseFile("missing.csv")`)
	if bindingstest.Prop(e, "message") != "ENOENT: no such file or directory, open 'missing.csv'" || bindingstest.Prop(e, "code") != "ENOENT" {
		t.Fatalf("missing file: %s", bindingstest.Prop(e, "message"))
	}
}

func TestArgumentErrors(t *testing.T) {
	h, _ := newCSV(t, "")
	cases := []struct{ src, msg string }{
		{`csv.parse(5)`, "csv.parse: text must be a string, got 5"},
		{`csv.parse("", "x")`, `csv.parse: options must be an object, got "x"`},
		{`csv.parse("", {quote: "'"})`, `csv.parse: option quote must be '"' (the only quote character encoding/csv supports), got "'"`},
		{`csv.parse("", {delimiter: "ab"})`, `csv.parse: option delimiter must be a single character other than a line break, got "ab"`},
		{`csv.parse("", {delimiter: "\n"})`, `option delimiter must be a single character other than a line break`},
		{`csv.parse("", {delimiter: '"'})`, `csv.parse: option delimiter must be different from the quote and comment characters`},
		{`csv.parse("", {header: "yes"})`, `csv.parse: option header must be a boolean, got "yes"`},
		{`csv.parse("", {columns: "a,b"})`, `csv.parse: option columns must be an array of strings, got "a,b"`},
		{`csv.parse("", {columns: ["a", 1]})`, `csv.parse: option columns[1] must be a string, got 1`},
		{`csv.reader("x.csv", {errors: "skip"})`, `csv.reader: option errors must be "throw" or "yield", got "skip"`},
		{`csv.parseFile("")`, `csv.parseFile: path must be a non-empty string, got ""`},
		{`csv.reader()`, `csv.reader: path must be a non-empty string, got undefined`},
		{`csv.writer(null)`, `csv.writer: path must be a non-empty string, got null`},
		{`csv.stringify(5)`, `csv.stringify: rows must be an array or an iterable, got 5`},
		{`csv.stringify({a: 1})`, `csv.stringify: rows must be an array or an iterable, got an object`},
		{`csv.stringify([{a: 1}, "b"])`, `csv.stringify: row 2 must be an object or an array, got "b"`},
		{`csv.stringify([], {columns: [5]})`, `csv.stringify: option columns[0] must be a string or {key, header}, got 5`},
		{`csv.stringify([], {columns: [{key: "a", header: 1}]})`, `csv.stringify: option columns[0].header must be a string, got 1`},
		{`csv.stringify([], {delimiter: '"'})`, `csv.stringify: option delimiter must be different from the quote character`},
	}
	for _, c := range cases {
		e := h.Throws(t, c.src)
		if bindingstest.Prop(e, "name") != "TypeError" || !strings.Contains(bindingstest.Prop(e, "message"), c.msg) {
			t.Errorf("%s\n got  %s: %s\n want TypeError containing %s", c.src, bindingstest.Prop(e, "name"), bindingstest.Prop(e, "message"), c.msg)
		}
	}
}

func TestReader(t *testing.T) {
	h, dir := newCSV(t, "")
	writeFile(t, dir, "in.csv", tricky)
	got := h.Run(t, `
		var out = [];
		for (const {line, record} of csv.reader("in.csv")) out.push(line + ":" + record.name);
		out.join("|");
	`).String()
	if got != `2:Jan Novák|3:Eva "Evka" Malá|5:Petr` {
		t.Fatalf("got %s", got)
	}
	got = h.Run(t, `Array.from(csv.reader("in.csv", {header: false}), r => r.line + ":" + r.record.length).join("|")`).String()
	if got != "1:3|2:3|3:3|5:3" {
		t.Fatalf("arrays: %s", got)
	}

	writeFile(t, dir, "bad.csv", "id,name\n1,Ann\n2,Bob,extra\n3,Bo\"b\n4,Cyril\n")
	e := h.Throws(t, `for (const r of csv.reader("bad.csv")) {}`)
	if bindingstest.Prop(e, "message") != "bad.csv:3: wrong number of fields (expected 2, got 3)" || e.Get("line").ToInteger() != 3 {
		t.Fatalf("reader error: %s", bindingstest.Prop(e, "message"))
	}
	got = h.Run(t, `
		var report = [];
		for (const r of csv.reader("bad.csv", {errors: "yield"})) {
			report.push(r.error ? "line " + r.line + ": " + r.error : r.line + "=" + r.record.name);
		}
		report.join("|");
	`).String()
	want := `2=Ann|line 3: wrong number of fields (expected 2, got 3)|line 4: bare " in non-quoted-field|5=Cyril`
	if got != want {
		t.Fatalf("yielded errors:\n got  %s\n want %s", got, want)
	}
	e = h.Throws(t, `csv.reader("nope.csv")`)
	if bindingstest.Prop(e, "code") != "ENOENT" || bindingstest.Prop(e, "message") != "ENOENT: no such file or directory, open 'nope.csv'" {
		t.Fatalf("missing: %s", bindingstest.Prop(e, "message"))
	}
}

func TestReaderStdin(t *testing.T) {
	h, _ := newCSV(t, "\xEF\xBB\xBFa,b\r\n1,2\r\n")
	if got := h.Run(t, `JSON.stringify(Array.from(csv.reader("/dev/stdin")))`).String(); got != `[{"line":2,"record":{"a":"1","b":"2"}}]` {
		t.Fatalf("got %s", got)
	}
}

func TestStringify(t *testing.T) {
	h, _ := newCSV(t, "")
	cases := []struct{ src, want string }{
		{`csv.stringify([{b: 1, a: "x"}, {a: "y", b: 2}])`, "b,a\n1,x\n2,y\n"},
		{`csv.stringify([{id: 1, queue: {title: "Sales", id: 7}}, {id: 2, queue: null}, {id: 3}], {columns: ["queue.title", "id"]})`,
			"queue.title,id\nSales,1\n,2\n,3\n"},
		{`csv.stringify([{"queue.title": "flat", queue: {title: "nested"}}], {columns: [{key: "queue.title", header: "Queue"}]})`, "Queue\nflat\n"},
		{`csv.stringify([{a: 'say "hi"', b: "x,y", c: "two\nlines", d: " pad"}])`, "a,b,c,d\n\"say \"\"hi\"\"\",\"x,y\",\"two\nlines\",\" pad\"\n"},
		{`csv.stringify([{n: null, u: undefined, t: true, f: 1.5, d: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), o: {x: [1]}, arr: [1, "a"]}])`,
			"n,u,t,f,d,o,arr\n,,true,1.5,2026-01-02T03:04:05.000Z,\"{\"\"x\"\":[1]}\",\"[1,\"\"a\"\"]\"\n"},
		{`csv.stringify([{a: 1, b: 2}], {delimiter: ";", crlf: true})`, "a;b\r\n1;2\r\n"},
		{`csv.stringify([{a: 1}], {header: false, bom: true})`, "\uFEFF1\n"},
		{`csv.stringify([[1, "x"], [2, "y"]])`, "1,x\n2,y\n"},
		{`csv.stringify([[1, "x"]], {columns: ["id", "name"]})`, "id,name\n1,x\n"},
		{`csv.stringify([], {columns: ["id", "name"]})`, "id,name\n"},
		{`csv.stringify([])`, ""},
		{`csv.stringify((function* () { yield {a: 1}; yield {a: 2}; })())`, "a\n1\n2\n"},
		{`csv.stringify([{"Jméno": "Žofie"}])`, "Jméno\nŽofie\n"},
	}
	for _, c := range cases {
		if got := h.Run(t, c.src).String(); got != c.want {
			t.Errorf("%s\n got  %q\n want %q", c.src, got, c.want)
		}
	}
	// stringify then parse gives the rows back.
	h.VM().Set("text", tricky)
	if got := h.Run(t, `var rows = csv.parse(text); JSON.stringify(csv.parse(csv.stringify(rows))) === JSON.stringify(rows)`); !got.ToBoolean() {
		t.Fatal("round trip changed the rows")
	}
}

func TestWriter(t *testing.T) {
	h, dir := newCSV(t, "")
	h.Run(t, `
		var w = csv.writer("out.csv", {columns: ["id", {key: "queue.title", header: "queue"}]});
		w.write({id: 1, queue: {title: "Sales"}}).write({id: 2, queue: {title: "Support, 2nd line"}});
		w.writeAll([{id: 3}]);
		var n = w.count;
		w.close(); w.close();
		var a = csv.writer("out.csv", {columns: ["id", "queue"], append: true});
		a.write({id: 4, queue: "late"}); a.close();
		var e = csv.writer("empty.csv", {columns: ["x", "y"], bom: true}); e.close();
		var d = csv.writer("derived.csv"); d.write({p: 1, q: 2}); d.write({q: 3, p: 4, r: 5}); d.close();
	`)
	check := func(name, want string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(b) != want {
			t.Errorf("%s holds %q (%v), want %q", name, b, err, want)
		}
	}
	check("out.csv", "id,queue\n1,Sales\n2,\"Support, 2nd line\"\n3,\n4,late\n")
	check("empty.csv", "\uFEFFx,y\n")
	check("derived.csv", "p,q\n1,2\n4,3\n")
	if n := h.Run(t, `n`).ToInteger(); n != 3 {
		t.Fatalf("count %d", n)
	}
	e := h.Throws(t, `w.write({id: 9})`)
	if bindingstest.Prop(e, "code") != "ERR_STREAM_WRITE_AFTER_END" || bindingstest.Prop(e, "message") != "writer.write: write after close to 'out.csv'" {
		t.Fatalf("after close: %s", bindingstest.Prop(e, "message"))
	}
	e = h.Throws(t, `csv.writer("nodir/x.csv")`)
	if bindingstest.Prop(e, "message") != "ENOENT: no such file or directory, open 'nodir/x.csv'" {
		t.Fatalf("open error: %s", bindingstest.Prop(e, "message"))
	}
	h.Run(t, `var s = csv.writer("/dev/stdout", {columns: ["a"]}); s.write({a: "x"}); s.close();`)
	if h.Output.String() != "a\nx\n" {
		t.Fatalf("stdout %q", h.Output.String())
	}
}

func TestWriterErrorClosesFile(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("needs /dev/full")
	}
	h, dir := newCSV(t, "")
	before := bindingstest.OpenFDs(t)
	e := h.Throws(t, `var w = csv.writer("/dev/full"); for (let i = 0; i < 1000; i++) w.write({a: "x".repeat(1000)});`)
	if bindingstest.Prop(e, "code") != "ENOSPC" || bindingstest.Prop(e, "message") != "ENOSPC: no space left on device, write '/dev/full'" {
		t.Fatalf("got %s", bindingstest.Prop(e, "message"))
	}
	if bindingstest.OpenFDs(t) != before {
		t.Fatal("failed writer left its file open")
	}
	// A write failing in the middle of writeAll closes the writer and the reader it
	// was draining.
	writeFile(t, dir, "big.csv", "a\n"+strings.Repeat(strings.Repeat("y", 1000)+"\n", 2000))
	e = h.Throws(t, `csv.writer("/dev/full").writeAll(csv.reader("big.csv"))`)
	if bindingstest.Prop(e, "code") != "ENOSPC" {
		t.Fatalf("got %s", bindingstest.Prop(e, "message"))
	}
	if bindingstest.OpenFDs(t) != before {
		t.Fatal("writeAll failure left files open")
	}
}

func TestStreamsAreClosed(t *testing.T) {
	h, dir := newCSV(t, "")
	writeFile(t, dir, "in.csv", "a\n1\n2\n3\n")
	writeFile(t, dir, "bad.csv", "a\n1\n2,2\n")
	before := bindingstest.OpenFDs(t)
	h.Run(t, `
		for (let i = 0; i < 30; i++) { for (const r of csv.reader("in.csv")) break; }
		for (let i = 0; i < 30; i++) { try { for (const r of csv.reader("bad.csv")) {} } catch (e) {} }
		for (let i = 0; i < 30; i++) { try { csv.parseFile("bad.csv"); } catch (e) {} }
		for (let i = 0; i < 30; i++) { csv.stringify(csv.reader("in.csv"), {columns: ["line"]}); }
		for (let i = 0; i < 30; i++) { var w = csv.writer("o.csv"); try { csv.writer("o.csv").writeAll(csv.reader("in.csv")); w.write(5); } catch (e) {} }
	`)
	// The 30 writers whose writeAll ran but never closed stay open until the runtime closes.
	if after := bindingstest.OpenFDs(t); after != before+60 {
		t.Fatalf("%d descriptors open, want the 60 unclosed writers", after-before)
	}
	h.Close()
	if after := bindingstest.OpenFDs(t); after != before {
		t.Fatalf("%d descriptors left after the runtime closed", after-before)
	}
}
