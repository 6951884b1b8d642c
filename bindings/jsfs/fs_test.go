package jsfs_test

import (
	"errors"
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/dop251/goja_nodejs/require"
)

func newFS(t testing.TB, stdin string) (*bindingstest.Host, string) {
	t.Helper()
	dir := t.TempDir()
	h := bindingstest.New(t, jsfs.New(jsfs.Options{BaseDir: dir}))
	h.Input = strings.NewReader(stdin)
	h.Run(t, `var fs = require("fs");`)
	return h, dir
}

func TestReadWriteAppend(t *testing.T) {
	h, dir := newFS(t, "")
	got := h.Run(t, `
		fs.writeFileSync("a.txt", "Příliš žluťoučký kůň\n");
		fs.appendFileSync("a.txt", "second\n");
		fs.writeFileSync("a.txt", "third\n", {flag: "a"});
		fs.readFileSync("a.txt", "utf8") + "|" + fs.readFileSync("a.txt", {encoding: "utf-8"}).length;
	`).String()
	want := "Příliš žluťoučký kůň\nsecond\nthird\n"
	if got != want+"|"+"34" {
		t.Fatalf("got %q", got)
	}
	b, err := os.ReadFile(filepath.Join(dir, "a.txt"))
	if err != nil || string(b) != want {
		t.Fatalf("file holds %q (%v), want %q", b, err, want)
	}
}

func TestReadBytes(t *testing.T) {
	h, dir := newFS(t, "")
	if err := os.WriteFile(filepath.Join(dir, "b.bin"), []byte{0xff, 0, 'A'}, 0o644); err != nil {
		t.Fatal(err)
	}
	got := h.Run(t, `
		var b = fs.readFileSync("b.bin");
		[b instanceof Uint8Array, b.length, b[0], b[1], b[2]].join(",");
	`).String()
	if got != "true,3,255,0,65" {
		t.Fatalf("got %s", got)
	}
	// Bytes written back are written as they are.
	h.Run(t, `fs.writeFileSync("c.bin", b); fs.appendFileSync("c.bin", b.buffer);`)
	c, _ := os.ReadFile(filepath.Join(dir, "c.bin"))
	if string(c) != "\xff\x00A\xff\x00A" {
		t.Fatalf("c.bin holds %q", c)
	}
}

func TestReadBytesAsBuffer(t *testing.T) {
	h, dir := newFS(t, "")
	new(require.Registry).Enable(h.VM())
	buffer.Enable(h.VM())
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("héllo"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := h.Run(t, `var b = fs.readFileSync("b.txt"); [b instanceof Buffer, b.toString("utf8")].join(",")`).String()
	if got != "true,héllo" {
		t.Fatalf("got %s", got)
	}
}

func TestEncodings(t *testing.T) {
	h, dir := newFS(t, "")
	got := h.Run(t, `
		fs.writeFileSync("e.bin", "AP8=", "base64");
		var r = [fs.readFileSync("e.bin", "hex"), fs.readFileSync("e.bin", "base64"), fs.readFileSync("e.bin", "latin1").charCodeAt(1)];
		fs.writeFileSync("l.txt", "é", {encoding: "latin1"});
		r.push(fs.readFileSync("l.txt", "hex"), fs.readFileSync("l.txt", "ascii").charCodeAt(0));
		fs.writeFileSync("h.txt", "4142", "hex");
		r.push(fs.readFileSync("h.txt", "utf8"));
		r.join(",");
	`).String()
	if got != "00ff,AP8=,255,e9,105,AB" {
		t.Fatalf("got %s", got)
	}
	_ = dir
	e := h.Throws(t, `fs.readFileSync("e.bin", "utf16")`)
	if !strings.Contains(bindingstest.Prop(e, "message"), `unknown encoding "utf16"`) || bindingstest.Prop(e, "name") != "TypeError" {
		t.Fatalf("unknown encoding error: %s: %s", bindingstest.Prop(e, "name"), bindingstest.Prop(e, "message"))
	}
	e = h.Throws(t, `fs.writeFileSync("x", "zz", "hex")`)
	if !strings.Contains(bindingstest.Prop(e, "message"), "invalid hex data") {
		t.Fatalf("bad hex error: %s", bindingstest.Prop(e, "message"))
	}
}

func TestErrorsNameThePath(t *testing.T) {
	h, dir := newFS(t, "")
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ src, code, msg string }{
		{`fs.readFileSync("missing.csv", "utf8")`, "ENOENT", "ENOENT: no such file or directory, open 'missing.csv'"},
		{`fs.readFileSync("d")`, "EISDIR", "EISDIR: illegal operation on a directory, read 'd'"},
		{`fs.writeFileSync("nodir/x.txt", "x")`, "ENOENT", "ENOENT: no such file or directory, open 'nodir/x.txt'"},
		{`fs.mkdirSync("d")`, "EEXIST", "EEXIST: file already exists, mkdir 'd'"},
		{`fs.mkdirSync("a/b/c")`, "ENOENT", "ENOENT: no such file or directory, mkdir 'a/b/c'"},
		{`fs.readdirSync("nope")`, "ENOENT", "ENOENT: no such file or directory, scandir 'nope'"},
		{`fs.readdirSync("f")`, "ENOTDIR", "ENOTDIR: not a directory, scandir 'f'"},
		{`fs.statSync("nope")`, "ENOENT", "ENOENT: no such file or directory, stat 'nope'"},
		{`fs.unlinkSync("nope")`, "ENOENT", "ENOENT: no such file or directory, unlink 'nope'"},
		{`fs.unlinkSync("d")`, "EISDIR", "EISDIR: illegal operation on a directory, unlink 'd'"},
		{`fs.renameSync("nope", "x")`, "ENOENT", "ENOENT: no such file or directory, rename 'nope' -> 'x'"},
		{`fs.lines("gone.txt")`, "ENOENT", "ENOENT: no such file or directory, open 'gone.txt'"},
		{`fs.createWriter("nodir/out.txt")`, "ENOENT", "ENOENT: no such file or directory, open 'nodir/out.txt'"},
		{`fs.readFileSync("")`, "ENOENT", "ENOENT: no such file or directory, open ''"},
	}
	for _, c := range cases {
		e := h.Throws(t, c.src)
		if bindingstest.Prop(e, "code") != c.code || bindingstest.Prop(e, "message") != c.msg {
			t.Errorf("%s: got code %s message %q, want %s %q", c.src, bindingstest.Prop(e, "code"), bindingstest.Prop(e, "message"), c.code, c.msg)
		}
		if got := h.Run(t, `(function(){ try { `+c.src+` } catch (e) { return e instanceof Error && e.name === "Error" && String(e).indexOf("Error: "+e.code) === 0 } })()`); !got.ToBoolean() {
			t.Errorf("%s: not a plain Error printing as Error: CODE", c.src)
		}
	}
}

func TestArgumentErrors(t *testing.T) {
	h, _ := newFS(t, "")
	cases := []struct{ src, msg string }{
		{`fs.readFileSync(5)`, "fs.readFileSync: file descriptor 5 is not supported"},
		{`fs.readFileSync({})`, "fs.readFileSync: path must be a string, got an object"},
		{`fs.readFileSync("x", 5)`, "fs.readFileSync: options must be an object, got 5"},
		{`fs.readFileSync("x", {encoding: 5})`, "fs.readFileSync: option encoding must be a string, got 5"},
		{`fs.writeFileSync("x", {a: 1})`, "fs.writeFileSync: data must be a string, Buffer, Uint8Array or ArrayBuffer, got an object"},
		{`fs.writeFileSync("x", [1, 2])`, "got an array"},
		{`fs.writeFileSync("x", "a", {flag: "r+"})`, `fs.writeFileSync: flag "r+" is not supported`},
		{`fs.mkdirSync(undefined)`, "fs.mkdirSync: path must be a string, got undefined"},
		{`fs.mkdirSync("x", {recursive: "yes"})`, "fs.mkdirSync: option recursive must be a boolean, got \"yes\""},
		{`fs.mkdirSync("x", {mode: "755"})`, "fs.mkdirSync: option mode must be an integer, got \"755\""},
		{`fs.statSync(null)`, "fs.statSync: path must be a string, got null"},
		{`fs.unlinkSync(1)`, "fs.unlinkSync: path must be a string, got 1"},
		{`fs.renameSync("a")`, "fs.renameSync: newPath must be a string, got undefined"},
		{`fs.createWriter("o.txt", {append: 1})`, "fs.createWriter: option append must be a boolean, got 1"},
		{`fs.createWriter("o.txt").write()`, "writer.write: data must be a string or bytes, got undefined"},
		{`fs.lines(new Date())`, "fs.lines: path must be a string, got a Date"},
	}
	for _, c := range cases {
		e := h.Throws(t, c.src)
		if bindingstest.Prop(e, "name") != "TypeError" || !strings.Contains(bindingstest.Prop(e, "message"), c.msg) {
			t.Errorf("%s: got %s: %s; want TypeError containing %q", c.src, bindingstest.Prop(e, "name"), bindingstest.Prop(e, "message"), c.msg)
		}
	}
}

func TestExistsMkdirReaddirStat(t *testing.T) {
	h, dir := newFS(t, "")
	got := h.Run(t, `
		var r = [];
		r.push(fs.existsSync("x"), fs.existsSync(42), fs.existsSync(""));
		r.push(fs.mkdirSync("x") === undefined, fs.existsSync("x"));
		var first = fs.mkdirSync("y/z/w", {recursive: true});
		r.push(first.slice(-2), fs.mkdirSync("y/z/w", {recursive: true}) === undefined);
		fs.writeFileSync("y/b.txt", "12345");
		fs.writeFileSync("y/a.txt", "");
		r.push(fs.readdirSync("y").join("+"));
		r.push(fs.readdirSync("y", {withFileTypes: true}).map(function (d) {
			return d.name + ":" + (d.isFile() ? "f" : "") + (d.isDirectory() ? "d" : "");
		}).join("+"));
		var s = fs.statSync("y/b.txt");
		r.push(s.size, s.isFile(), s.isDirectory(), s.mtime instanceof Date, Math.abs(s.mtime.getTime() - Date.now()) < 60000, s.mtimeMs === s.mtime.getTime());
		r.push(fs.statSync("y").isDirectory(), fs.statSync("nope", {throwIfNoEntry: false}) === undefined);
		r.join(",");
	`).String()
	want := "false,false,false,true,true,/y,true,a.txt+b.txt+z,a.txt:f+b.txt:f+z:d,5,true,false,true,true,true,true,true"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if fi, err := os.Stat(filepath.Join(dir, "y/z/w")); err != nil || !fi.IsDir() {
		t.Fatalf("recursive mkdir made nothing: %v", err)
	}
}

func TestUnlinkRename(t *testing.T) {
	h, dir := newFS(t, "")
	got := h.Run(t, `
		fs.writeFileSync("tmp.txt", "data");
		fs.renameSync("tmp.txt", "final.txt");
		var r = [fs.existsSync("tmp.txt"), fs.readFileSync("final.txt", "utf8")];
		fs.unlinkSync("final.txt");
		r.push(fs.existsSync("final.txt"));
		r.join(",");
	`).String()
	if got != "false,data,false" {
		t.Fatalf("got %s", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left %d files behind", len(entries))
	}
}

func TestAbsolutePathsAndBaseDir(t *testing.T) {
	h, dir := newFS(t, "")
	other := t.TempDir()
	p := filepath.Join(other, "abs.txt")
	h.VM().Set("abs", p)
	h.Run(t, `fs.writeFileSync(abs, "x"); fs.writeFileSync("rel.txt", "y");`)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("absolute path not honoured: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "rel.txt")); err != nil {
		t.Fatalf("relative path not resolved against BaseDir: %v", err)
	}
}

func TestStandardStreams(t *testing.T) {
	h, _ := newFS(t, "line one\r\nline two\n")
	got := h.Run(t, `fs.readFileSync(0, "utf8")`).String()
	if got != "line one\r\nline two\n" {
		t.Fatalf("stdin read %q", got)
	}
	if again := h.Run(t, `fs.readFileSync("/dev/stdin", "utf8")`).String(); again != "" {
		t.Fatalf("stdin read twice gave %q", again)
	}
	h.Run(t, `
		fs.writeFileSync("/dev/stdout", "to out\n");
		fs.appendFileSync(1, "more\n");
		fs.writeFileSync(2, "to err\n");
		var w = fs.createWriter("/dev/stdout"); w.writeLine("streamed"); w.close();
	`)
	if h.Output.String() != "to out\nmore\nstreamed\n" || h.Errors.String() != "to err\n" {
		t.Fatalf("stdout %q stderr %q", h.Output.String(), h.Errors.String())
	}

	h2, _ := newFS(t, "\xEF\xBB\xBFa\r\nb")
	if got := h2.Run(t, `Array.from(fs.lines("/dev/stdin")).join("|")`).String(); got != "a|b" {
		t.Fatalf("lines of stdin: %q", got)
	}
}

func TestLines(t *testing.T) {
	h, dir := newFS(t, "")
	long := strings.Repeat("x", 200_000)
	content := "\xEF\xBB\xBFfirst\r\n\r\nthird\n" + long + "\nčtvrtý\r\nlast"
	if err := os.WriteFile(filepath.Join(dir, "in.txt"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	got := h.Run(t, `
		var out = [];
		for (const l of fs.lines("in.txt")) out.push(l.length > 100 ? "long:" + l.length : l);
		out.join("|");
	`).String()
	if got != "first||third|long:200000|čtvrtý|last" {
		t.Fatalf("got %q", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := h.Run(t, `[...fs.lines("empty.txt")].length + "," + [...fs.lines("in.txt")].length`).String(); got != "0,6" {
		t.Fatalf("counts %s", got)
	}
	// A manual iterator keeps reporting done after the end.
	if got := h.Run(t, `var it = fs.lines("empty.txt"); [it.next().done, it.next().done].join()`).String(); got != "true,true" {
		t.Fatalf("done twice: %s", got)
	}
}

func TestStreamsAreClosed(t *testing.T) {
	h, dir := newFS(t, "")
	if err := os.WriteFile(filepath.Join(dir, "in.txt"), []byte("a\nb\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := bindingstest.OpenFDs(t)
	h.Run(t, `
		for (let i = 0; i < 50; i++) { for (const l of fs.lines("in.txt")) { if (l === "b") break; } }
		for (let i = 0; i < 50; i++) { try { for (const l of fs.lines("in.txt")) { throw new Error("stop"); } } catch (e) {} }
		for (let i = 0; i < 50; i++) { for (const l of fs.lines("in.txt")) {} }
		for (let i = 0; i < 50; i++) { var w = fs.createWriter("o" + i + ".txt"); w.write("x"); w.close(); w.close(); }
		var it = fs.lines("in.txt"); it.next(); it.close();
	`)
	if after := bindingstest.OpenFDs(t); after > before {
		t.Fatalf("%d descriptors leaked", after-before)
	}
	// Streams a script forgets are closed (and flushed) when the runtime closes.
	h.Run(t, `var forgotten = fs.createWriter("forgotten.txt"); forgotten.writeLine("kept"); var half = fs.lines("in.txt"); half.next();`)
	if bindingstest.OpenFDs(t) != before+2 {
		t.Fatalf("expected two open streams")
	}
	h.Close()
	if after := bindingstest.OpenFDs(t); after != before {
		t.Fatalf("%d descriptors left after close", after-before)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "forgotten.txt")); string(b) != "kept\n" {
		t.Fatalf("forgotten writer not flushed: %q", b)
	}
}

// A forgotten writer whose last flush fails is reported by the host's cleanup, with
// its path: the script is gone, so only the host can tell anyone.
func TestUnclosedWriterFlushFailureIsReturned(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("needs /dev/full")
	}
	h, _ := newFS(t, "")
	h.Run(t, `fs.createWriter("/dev/full").write("lost"); fs.createWriter("fine.txt").write("kept")`)
	err := h.Close()
	var ue *jsfs.UnclosedError
	if !errors.As(err, &ue) || ue.Path != "/dev/full" || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Close: %v, want an UnclosedError for /dev/full wrapping ENOSPC", err)
	}
	if want := "'/dev/full', which the script left open, could not be flushed and closed when it ended: write /dev/full: no space left on device"; err.Error() != want {
		t.Errorf("Close: %q, want %q", err, want)
	}
	if err := h.Close(); err != nil {
		t.Errorf("a second Close: %v (everything was closed by the first)", err)
	}
}

func TestWriter(t *testing.T) {
	h, dir := newFS(t, "")
	h.Run(t, `
		var w = fs.createWriter("out.txt");
		w.write("a").write(1).writeLine("b").writeLine().writeLine(new Uint8Array([104, 105]));
		w.close();
		var w2 = fs.createWriter("out.txt", {append: true});
		w2.writeLine("appended"); w2.close();
	`)
	b, _ := os.ReadFile(filepath.Join(dir, "out.txt"))
	if string(b) != "a1b\n\nhi\nappended\n" {
		t.Fatalf("out.txt holds %q", b)
	}
	e := h.Throws(t, `w.write("late")`)
	if bindingstest.Prop(e, "code") != "ERR_STREAM_WRITE_AFTER_END" || bindingstest.Prop(e, "message") != "writer.write: write after close to 'out.txt'" {
		t.Fatalf("write after close: %s %s", bindingstest.Prop(e, "code"), bindingstest.Prop(e, "message"))
	}
}

func TestWriterErrorClosesFile(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("needs /dev/full")
	}
	h, _ := newFS(t, "")
	before := bindingstest.OpenFDs(t)
	e := h.Throws(t, `var w = fs.createWriter("/dev/full"); for (let i = 0; i < 100; i++) w.write("x".repeat(100000));`)
	if bindingstest.Prop(e, "code") != "ENOSPC" || bindingstest.Prop(e, "message") != "ENOSPC: no space left on device, write '/dev/full'" {
		t.Fatalf("got %s %q", bindingstest.Prop(e, "code"), bindingstest.Prop(e, "message"))
	}
	if bindingstest.OpenFDs(t) != before {
		t.Fatalf("failed writer left its file open")
	}
	e = h.Throws(t, `w.write("again")`)
	if bindingstest.Prop(e, "code") != "ERR_STREAM_WRITE_AFTER_END" {
		t.Fatalf("write after failure: %s", bindingstest.Prop(e, "message"))
	}
	h.Run(t, `w.close()`)
}
