package jstypes

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jscsv"
	"github.com/dkscript/dkscript/bindings/jsdates"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/bindings/jspath"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// newRuntime returns a runtime as the CLI makes it (every module and capability) with
// daktela.client() talking to a fake Daktela over loopback, and its working directory.
func newRuntime(t *testing.T) (*runtime.Runtime, *bytes.Buffer, string) {
	t.Helper()
	srv := daktelatest.NewServer(daktelatest.Options{})
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	var out bytes.Buffer
	rt, err := runtime.New(runtime.Options{
		Client: srv.Client(),
		Stdout: &out,
		Stderr: &out,
		Modules: []bindings.Module{
			jsfs.New(jsfs.Options{BaseDir: dir}),
			jscsv.New(jscsv.Options{BaseDir: dir}),
			jspath.New(jspath.Options{BaseDir: dir}),
			jsdates.New(jsdates.Options{}),
		},
		Capabilities: runtime.Capabilities{FileAccess: true, Env: true, NewClients: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rt.Close)
	return rt, &out, dir
}

// walkJS lists the names a script can reach: for each module, its exports; for
// functions with a prototype (classes), their static members and prototype methods; for
// plain objects (namespaces), their members. Instance members are checked separately.
const walkJS = `
(function () {
  const skipFn = new Set(["length", "name", "prototype", "caller", "arguments"]);
  const out = [];
  function isClass(v) {
    return typeof v === "function" && v.prototype &&
      (Object.getOwnPropertyNames(v.prototype).some(k => k !== "constructor") ||
       Object.getOwnPropertyNames(v).some(k => !skipFn.has(k)) || /^[A-Z]/.test(v.name));
  }
  function walk(prefix, obj) {
    for (const k of Object.getOwnPropertyNames(obj)) {
      if (typeof obj === "function" && skipFn.has(k)) continue; // assert is a function
      const v = obj[k];
      const name = prefix + "." + k;
      out.push(name);
      if (typeof v === "function" && isClass(v)) {
        for (const s of Object.getOwnPropertyNames(v)) if (!skipFn.has(s)) out.push(name + "." + s);
        for (const m of Object.getOwnPropertyNames(v.prototype)) {
          if (m === "constructor") continue;
          const d = Object.getOwnPropertyDescriptor(v.prototype, m);
          if (m === "name" && typeof d.value !== "function") continue; // Error's name
          out.push(name + ".prototype." + m);
        }
      } else if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
        for (const s of Object.getOwnPropertyNames(v)) out.push(name + "." + s);
      }
    }
  }
  for (const m of ["daktela", "fs", "csv", "path", "dates", "util", "crypto", "os", "assert"]) { out.push(m); walk(m, require(m)); }
  return JSON.stringify(out);
})()
`

// globalsJS lists the globals the runtime adds to a bare goja VM's, the members of
// console, process and performance, and the methods of TextEncoder and TextDecoder.
const globalsJS = `
(function () {
  const out = [];
  for (const k of Object.getOwnPropertyNames(globalThis)) {
    if (BARE.includes(k)) continue;
    out.push(k);
    if (k === "require" && globalThis.require.main) out.push("require.main");
    if (k === "console" || k === "process" || k === "performance") {
      for (const m of Object.getOwnPropertyNames(globalThis[k])) out.push(k + "." + m);
    }
    if (k === "TextEncoder" || k === "TextDecoder") {
      const p = globalThis[k].prototype;
      for (const m of Object.getOwnPropertyNames(p)) {
        if (m !== "constructor" && typeof Object.getOwnPropertyDescriptor(p, m).value === "function") out.push(k + ".prototype." + m);
      }
    }
    if (["Headers", "Request", "Response", "AbortController", "AbortSignal", "DOMException"].includes(k)) {
      const c = globalThis[k], p = c.prototype;
      for (const m of Object.getOwnPropertyNames(c)) {
        if (typeof Object.getOwnPropertyDescriptor(c, m).value === "function") out.push(k + "." + m);
      }
      for (const m of Object.getOwnPropertyNames(p)) {
        if (m !== "constructor" && typeof Object.getOwnPropertyDescriptor(p, m).value === "function") out.push(k + ".prototype." + m);
      }
      if (Object.getOwnPropertySymbols(p).includes(Symbol.iterator)) out.push(k + ".prototype.[Symbol.iterator]");
    }
  }
  return JSON.stringify(out);
})()
`

// nodeMembersJS lists the members of goja_nodejs's Buffer, URL and URLSearchParams.
const nodeMembersJS = `
(function () {
  const out = [];
  for (const k of ["Buffer", "URL", "URLSearchParams"]) {
    const c = globalThis[k];
    for (const s of Object.getOwnPropertyNames(c)) out.push(k + "." + s);
    for (let p = c.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const m of Object.getOwnPropertyNames(p)) out.push(k + ".prototype." + m);
      if (Object.getOwnPropertySymbols(p).includes(Symbol.iterator)) out.push(k + ".prototype.[Symbol.iterator]");
    }
  }
  return JSON.stringify(out);
})()
`

var nodeMembers []string

func evalStrings(t *testing.T, rt *runtime.Runtime, src string) []string {
	t.Helper()
	v, err := rt.Eval(context.Background(), src)
	if err != nil {
		t.Fatalf("walking the runtime: %v", err)
	}
	var names []string
	if err := json.Unmarshal([]byte(v.String()), &names); err != nil {
		t.Fatal(err)
	}
	return names
}

// declaredRuntimeNames maps the declarations to the names the walk produces: module,
// namespace and global members by name, class statics on the class, class methods on
// its prototype. Types, interfaces, constructors and instance properties name nothing
// the walk sees.
func declaredRuntimeNames() (modules, globals []string) {
	kinds := map[string]Kind{}
	for _, e := range Help() {
		if _, ok := kinds[e.Name]; !ok { // the module daktela, not the global of that name
			kinds[e.Name] = e.Kind
		}
	}
	inTypeOnly := func(e Entry) bool {
		for p := e.Parent; p != ""; {
			if k := kinds[p]; k == KindInterface || k == KindType {
				return true
			}
			i := strings.LastIndex(p, ".")
			if i < 0 {
				break
			}
			p = p[:i]
		}
		return false
	}
	for _, e := range Help() {
		if e.Kind == KindType || e.Kind == KindInterface || e.Kind == KindConstructor || inTypeOnly(e) {
			continue
		}
		name := e.Name
		if kinds[e.Parent] == KindClass && !e.Static {
			if e.Kind == KindProperty {
				continue // an instance property: checked on instances
			}
			name = e.Parent + ".prototype." + e.Name[len(e.Parent)+1:]
		}
		top := name
		if i := strings.Index(name, "."); i >= 0 {
			top = name[:i]
		}
		if kinds[top] == KindModule && !(e.Parent == "" && e.Kind != KindModule) {
			modules = append(modules, name)
		} else {
			globals = append(globals, name)
		}
	}
	return modules, globals
}

// diff reports the names only in got (undeclared) and only in want (declared, absent).
func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	g := map[string]bool{}
	for _, n := range got {
		g[n] = true
	}
	w := map[string]bool{}
	for _, n := range want {
		w[n] = true
	}
	var missing, extra []string
	for n := range g {
		if !w[n] {
			missing = append(missing, n)
		}
	}
	for n := range w {
		if !g[n] {
			extra = append(extra, n)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("%s: JavaScript names without a declaration in daktela.d.ts:\n  %s", what, strings.Join(missing, "\n  "))
	}
	if len(extra) > 0 {
		t.Errorf("%s: declarations in daktela.d.ts that name nothing at run time:\n  %s", what, strings.Join(extra, "\n  "))
	}
}

func TestEveryModuleNameIsDeclared(t *testing.T) {
	rt, _, _ := newRuntime(t)
	got := evalStrings(t, rt, walkJS)
	if len(got) < 150 {
		t.Fatalf("the walk found only %d names; is it walking the modules?", len(got))
	}
	want, _ := declaredRuntimeNames()
	diff(t, "modules", got, want)
}

func TestEveryGlobalIsDeclared(t *testing.T) {
	bare := goja.New().GlobalObject().GetOwnPropertyNames()
	rt, _, _ := newRuntime(t)
	// The script a runtime runs has the main module's globals (__filename, module, ...).
	if err := rt.RunString(context.Background(), "main.js", ""); err != nil {
		t.Fatal(err)
	}
	list, _ := json.Marshal(bare)
	got := evalStrings(t, rt, "const BARE = "+string(list)+";"+globalsJS)
	nodeMembers = evalStrings(t, rt, nodeMembersJS)
	if !slices.Contains(got, "sleep") || !slices.Contains(got, "console.log") {
		t.Fatalf("the walk of the globals missed sleep or console.log: %v", got)
	}
	_, want := declaredRuntimeNames()
	// Buffer, URL and URLSearchParams are goja_nodejs's: their members are declared in
	// part, and each declared one must exist.
	var ours []string
	for _, n := range want {
		if top, _, _ := strings.Cut(n, "."); (top == "Buffer" || top == "URL" || top == "URLSearchParams") && strings.Contains(n, ".") {
			if !slices.Contains(nodeMembers, n) {
				t.Errorf("globals: %s is declared but does not exist", n)
			}
			continue
		}
		ours = append(ours, n)
	}
	diff(t, "globals", got, ours)
}

// instancesJS makes one object of every kind the API hands out and lists what a script
// can reach on it: its own properties and those of its prototypes up to the built-in
// ones, without names starting with "_" (internal) and with Symbol.iterator as
// "[Symbol.iterator]".
const instancesJS = `
(function () {
  const stops = new Set([Object.prototype, Error.prototype, Function.prototype, Array.prototype]);
  function names(o) {
    const out = new Set();
    for (let p = o; p !== null && !stops.has(p); p = Object.getPrototypeOf(p)) {
      for (const k of Object.getOwnPropertyNames(p)) {
        if (k === "constructor" || k.startsWith("_")) continue;
        if (p !== o && k === "name" && typeof p[k] !== "function") continue;
        out.add(k);
      }
      if (Object.getOwnPropertySymbols(p).includes(Symbol.iterator)) out.add("[Symbol.iterator]");
    }
    for (const k of ["message", "stack"]) out.delete(k); // Error's
    return [...out].sort();
  }
  const fs = require("fs"), csv = require("csv"), path = require("path"), dates = require("dates");
  const c = daktela.client();
  const req = daktela.buildReadRequest("Users").addSort("name", "asc");
  const resp = c.execute(req);
  const it = c.iterate(daktela.buildReadRequest("Queues"), {pageSize: 2});
  let rateLimit, requestExc;
  try { c.execute(daktela.buildReadSingleRequest("Users", "nobody-here")); } catch (e) { requestExc = e; }
  rateLimit = new daktela.RateLimitException("slow down", 429, [], null, 3);
  fs.writeFileSync("in.csv", "name,queue\nann,3000\n");
  const lines = fs.lines("in.csv");
  const rows = csv.reader("in.csv");
  const csvw = csv.writer("out.csv", {columns: ["name"]});
  const fw = fs.createWriter("out.txt");
  const out = {
    "daktela.Response": names(resp),
    "daktela.PaginatedIterator": names(it),
    "daktela.RecordIterable": names(it.filter(x => x)),
    "daktela.NotFoundException": names(requestExc),
    "daktela.RateLimitException": names(rateLimit),
    "daktela.RetryConfig": names(new daktela.RetryConfig({maxRetries: 1})),
    "daktela.RateLimitConfig": names(new daktela.RateLimitConfig({autoRetry: false})),
    "daktela.HealthCheckResult": names(c.healthCheck()),
    "daktela.SortSpec": names(req.getSorts()[0]),
    "daktela.FilterGroup": names(req.addFilter("name", "eq", "admin").getFilters()),
    "daktela.FilterCondition": names(req.getFilters().filters[0]),
    "fs.Stats": names(fs.statSync("in.csv")),
    "fs.Dirent": names(fs.readdirSync(".", {withFileTypes: true})[0]),
    "fs.LineIterator": names(lines),
    "fs.FileWriter": names(fw),
    "csv.RowIterator": names(rows),
    "csv.CsvRow": names(csv.reader("in.csv").next().value),
    "csv.CsvWriter": names(csvw),
    "path.ParsedPath": names(path.parse("/a/b.csv")),
    "dates.DateRange": names(dates.range("yesterday")),
    "process.WriteStream": names(process.stdout),
  };
  lines.close(); rows.close(); csvw.close(); fw.close();
  return JSON.stringify(out);
})()
`

// optional reports whether the member name of type typ is declared optional ("x?:"),
// so an instance may lack it.
func optional(typ, name string) bool {
	e, ok := Lookup(typ + "." + name)
	return ok && e.Kind == KindProperty && strings.HasPrefix(strings.TrimPrefix(e.Signature, "readonly "), name+"?")
}

// declaredMembers returns the instance members of a class or interface declared in
// daktela.d.ts, with those of what it extends when that is declared here too.
func declaredMembers(name string) []string {
	var out []string
	for name != "" {
		e, ok := Lookup(name)
		if !ok || e.Name != name {
			break
		}
		for _, m := range Members(name) {
			if m.Kind == KindConstructor || m.Static || m.Kind == KindType || m.Kind == KindInterface {
				continue
			}
			n := m.Name[len(name)+1:]
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		base := e.Extends
		if i := strings.Index(base, "<"); i >= 0 {
			base = base[:i]
		}
		next := ""
		if base != "" {
			for _, cand := range []string{e.Parent + "." + base, base} {
				if b, ok := Lookup(cand); ok && b.Name == cand {
					next = cand
					break
				}
			}
		}
		name = next
	}
	return out
}

func TestEveryInstanceMemberIsDeclared(t *testing.T) {
	rt, _, _ := newRuntime(t)
	v, err := rt.Eval(context.Background(), instancesJS)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string][]string
	if err := json.Unmarshal([]byte(v.String()), &got); err != nil {
		t.Fatal(err)
	}
	for typ, names := range got {
		if _, ok := Lookup(typ); !ok {
			t.Errorf("%s: not declared", typ)
			continue
		}
		if len(names) == 0 {
			t.Errorf("%s: the instance has no members; the test made the wrong object", typ)
		}
		var want []string
		for _, m := range declaredMembers(typ) {
			if slices.Contains(names, m) || !optional(typ, m) {
				want = append(want, m)
			}
		}
		diff(t, typ, names, want)
	}
}

// TestDeclarationsParse checks the file reads cleanly and that every runtime-visible
// name has a doc comment, since .help shows it.
func TestDeclarationsParse(t *testing.T) {
	entries, err := parse(declarations)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Doc == "" && e.Kind != KindModule && e.Kind != KindConstructor {
			t.Errorf("%s (%s) has no doc comment", e.Name, e.Kind)
		}
	}
}

// TestScriptsCopyIsCurrent keeps the copy in scripts/ (what CI type-checks the example
// scripts against, and what people opening scripts/ in an editor get) equal to the
// embedded file.
func TestScriptsCopyIsCurrent(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "scripts", DeclarationsFile))
	if err != nil {
		t.Fatalf("%v (run: go run ./cmd/dkscript types --out scripts)", err)
	}
	if string(b) != declarations {
		t.Fatal("scripts/daktela.d.ts differs from bindings/jstypes/daktela.d.ts; run: go run ./cmd/dkscript types --out scripts")
	}
}
