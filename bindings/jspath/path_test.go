package jspath_test

import (
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings/jspath"
)

// TestMatchesNode checks each function against the answers Node 20 gives on Linux for the
// same calls (Node run with its working directory as BASE).
func TestMatchesNode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the expected answers are POSIX paths")
	}
	base := filepath.Join(t.TempDir(), "base")
	h := bindingstest.New(t, jspath.New(jspath.Options{BaseDir: base}))
	h.Run(t, `var path = require("path");`)
	cases := []struct{ src, want string }{
		{`path.join("a", "b", "../c", "./d")`, `"a/c/d"`},
		{`path.join()`, `"."`},
		{`path.join("", "")`, `"."`},
		{`path.join("a/", "b/")`, `"a/b/"`},
		{`path.join("/a", "/b")`, `"/a/b"`},
		{`path.join("a", "", "b")`, `"a/b"`},
		{`path.join("..", "a")`, `"../a"`},
		{`path.resolve()`, `"BASE"`},
		{`path.resolve("x.csv")`, `"BASE/x.csv"`},
		{`path.resolve("a", "/b", "c")`, `"/b/c"`},
		{`path.resolve("/a/b", "../c/")`, `"/a/c"`},
		{`path.resolve("", "sub")`, `"BASE/sub"`},
		{`path.resolve("../up")`, `"PARENT/up"`},
		{`path.normalize("")`, `"."`},
		{`path.normalize("./")`, `"./"`},
		{`path.normalize("a//b/../c/")`, `"a/c/"`},
		{`path.normalize("/..")`, `"/"`},
		{`path.normalize("../../a")`, `"../../a"`},
		{`path.normalize("a/..")`, `"."`},
		{`path.normalize("/")`, `"/"`},
		{`path.dirname("/a/b/")`, `"/a"`},
		{`path.dirname("/a/b")`, `"/a"`},
		{`path.dirname("a")`, `"."`},
		{`path.dirname("")`, `"."`},
		{`path.dirname("/")`, `"/"`},
		{`path.dirname("/a")`, `"/"`},
		{`path.dirname("a/b//")`, `"a"`},
		{`path.basename("/a/b.txt")`, `"b.txt"`},
		{`path.basename("/a/b.txt", ".txt")`, `"b"`},
		{`path.basename("/a/b/")`, `"b"`},
		{`path.basename("/")`, `""`},
		{`path.basename("")`, `""`},
		{`path.basename("b.txt", "b.txt")`, `""`},
		{`path.basename("x.tar.gz", ".gz")`, `"x.tar"`},
		{`path.basename("x.txt", "txt")`, `"x."`},
		{`path.extname("a.txt")`, `".txt"`},
		{`path.extname(".bashrc")`, `""`},
		{`path.extname("a.")`, `"."`},
		{`path.extname("a.b.c")`, `".c"`},
		{`path.extname("..")`, `""`},
		{`path.extname("a")`, `""`},
		{`path.extname("/x.y/z")`, `""`},
		{`path.extname("a.txt/")`, `".txt"`},
		{`path.extname(".index.md")`, `".md"`},
		{`path.relative("/a/b/c", "/a/d")`, `"../../d"`},
		{`path.relative("sub", ".")`, `".."`},
		{`path.relative("/a", "/a")`, `""`},
		{`path.relative("", "sub/x")`, `"sub/x"`},
		{`path.isAbsolute("/a")`, `true`},
		{`path.isAbsolute("a")`, `false`},
		{`path.isAbsolute("")`, `false`},
		{`path.parse("/home/u/file.txt")`, `{"root":"/","dir":"/home/u","base":"file.txt","ext":".txt","name":"file"}`},
		{`path.parse("file.txt")`, `{"root":"","dir":"","base":"file.txt","ext":".txt","name":"file"}`},
		{`path.parse("/")`, `{"root":"/","dir":"/","base":"","ext":"","name":""}`},
		{`path.parse("")`, `{"root":"","dir":"","base":"","ext":"","name":""}`},
		{`path.parse("a/b/")`, `{"root":"","dir":"a","base":"b","ext":"","name":"b"}`},
		{`path.parse("/.bashrc")`, `{"root":"/","dir":"/","base":".bashrc","ext":"","name":".bashrc"}`},
		{`path.parse("./x.js")`, `{"root":"","dir":".","base":"x.js","ext":".js","name":"x"}`},
		{`path.format({dir: "/home/u", base: "f.txt"})`, `"/home/u/f.txt"`},
		{`path.format({root: "/", name: "f", ext: ".txt"})`, `"/f.txt"`},
		{`path.format({name: "f", ext: "txt"})`, `"f.txt"`},
		{`path.format({root: "/", dir: "/", base: "x"})`, `"/x"`},
		{`path.format({})`, `""`},
		{`path.sep`, `"/"`},
		{`path.delimiter`, `":"`},
	}
	for _, c := range cases {
		want := strings.NewReplacer("BASE", base, "PARENT", filepath.Dir(base)).Replace(c.want)
		if got := h.Run(t, `JSON.stringify(`+c.src+`)`).String(); got != want {
			t.Errorf("%s = %s, Node says %s", c.src, got, want)
		}
	}
}

func TestArgumentErrors(t *testing.T) {
	h := bindingstest.New(t, jspath.New(jspath.Options{}))
	h.Run(t, `var path = require("path");`)
	cases := []struct{ src, msg string }{
		{`path.join("a", 5)`, "path.join: argument 2 must be a string, got 5"},
		{`path.resolve(null)`, "path.resolve: argument 1 must be a string, got null"},
		{`path.dirname()`, "path.dirname: path must be a string, got undefined"},
		{`path.basename("a", {})`, "path.basename: ext must be a string, got an object"},
		{`path.extname([])`, "path.extname: path must be a string, got an array"},
		{`path.relative("a")`, "path.relative: to must be a string, got undefined"},
		{`path.normalize(true)`, "path.normalize: path must be a string, got true"},
		{`path.isAbsolute(1)`, "path.isAbsolute: path must be a string, got 1"},
		{`path.parse()`, "path.parse: path must be a string, got undefined"},
		{`path.format("a")`, "path.format: pathObject must be an object, got \"a\""},
		{`path.format({dir: 1})`, "path.format: pathObject.dir must be a string, got 1"},
	}
	for _, c := range cases {
		e := h.Throws(t, c.src)
		if bindingstest.Prop(e, "name") != "TypeError" || bindingstest.Prop(e, "message") != c.msg {
			t.Errorf("%s\n got  %s: %s\n want TypeError: %s", c.src, bindingstest.Prop(e, "name"), bindingstest.Prop(e, "message"), c.msg)
		}
	}
}

func TestBaseDirDefaultsToWorkingDirectory(t *testing.T) {
	h := bindingstest.New(t, jspath.New(jspath.Options{}))
	wd, _ := filepath.Abs(".")
	if got := h.Run(t, `require("path").resolve("x")`).String(); got != filepath.Join(wd, "x") {
		t.Fatalf("resolve against %s gave %s", wd, got)
	}
}
