package runtime_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dkscript/dkscript/runtime"
)

// cacheEntries lists the files of a transform cache directory.
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

// runCached runs main.ts of fsys in a fresh runtime with the transform cache in dir and
// returns its output and error report.
func runCached(t *testing.T, dir string, fsys fstest.MapFS) (string, string) {
	t.Helper()
	rt, out, _ := newRT(t, runtime.Options{ModuleFS: fsys, TransformCache: dir})
	err := rt.RunFile(context.Background(), "main.ts")
	report := ""
	if err != nil {
		report = err.Error()
	}
	return out.String(), report
}

// A TypeScript script and the module it imports are transformed once: a second run
// reads both from the cache, prints the same and reports an error at the same .ts
// line; an edited file is transformed again, never served stale.
func TestTransformCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "transform")
	fsys := fstest.MapFS{
		"main.ts": {Data: []byte("import { twice } from \"./lib.ts\";\nconst n: number = twice(21);\nconsole.log(n);\nconst o: { a?: { b: number } } = {};\nconsole.log(o.a!.b);\n")},
		"lib.ts":  {Data: []byte("export function twice(x: number): number {\n  return x * 2;\n}\n")},
	}
	out1, rep1 := runCached(t, dir, fsys)
	if out1 != "42\n" || !strings.HasPrefix(rep1, "main.ts:5:") {
		t.Fatalf("first run: stdout %q, report %q; want 42 and an error at main.ts:5", out1, rep1)
	}
	entries := cacheEntries(t, dir)
	if len(entries) != 2 {
		t.Fatalf("cache holds %v after the first run, want the two files' transforms", entries)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("cache directory mode: %v %v, want 0700", fi.Mode(), err)
	}
	// Entries are read, not rewritten: make them old and see them stay so.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, e := range entries {
		if err := os.Chtimes(filepath.Join(dir, e), old, old); err != nil {
			t.Fatal(err)
		}
	}
	out2, rep2 := runCached(t, dir, fsys)
	if out2 != out1 || rep2 != rep1 {
		t.Errorf("second run: stdout %q, report %q; want the first run's %q, %q", out2, rep2, out1, rep1)
	}
	for _, e := range entries {
		if fi, err := os.Stat(filepath.Join(dir, e)); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("entry %s was written again on the second run (%v)", e, err)
		}
	}

	fsys["lib.ts"] = &fstest.MapFile{Data: []byte("export function twice(x: number): number {\n  return x * 3;\n}\n")}
	if out3, _ := runCached(t, dir, fsys); out3 != "63\n" {
		t.Errorf("after an edit: stdout %q, want 63 (the edited module, not the cached one)", out3)
	}
	if n := len(cacheEntries(t, dir)); n != 3 {
		t.Errorf("cache holds %d entries after the edit, want 3", n)
	}
}

// An entry that cannot be read whole (cut short, changed, or not an entry) is
// transformed again; a cache that cannot be written costs only the transform.
func TestTransformCacheDamaged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "transform")
	fsys := fstest.MapFS{"main.ts": {Data: []byte("const n: number = 7;\nconsole.log(n * 6);\n")}}
	if out, rep := runCached(t, dir, fsys); out != "42\n" || rep != "" {
		t.Fatalf("first run: %q %q", out, rep)
	}
	entries := cacheEntries(t, dir)
	if len(entries) != 1 {
		t.Fatalf("entries %v, want 1", entries)
	}
	whole, err := os.ReadFile(filepath.Join(dir, entries[0]))
	if err != nil {
		t.Fatal(err)
	}
	flipped := []byte(string(whole))
	flipped[len(flipped)-2] ^= 0x20 // one character of the source map changed
	for _, damaged := range []string{"999999\nconsole.log(1)", "not a length\n", "", string(whole[:len(whole)-10]), string(flipped)} {
		if err := os.WriteFile(filepath.Join(dir, entries[0]), []byte(damaged), 0o600); err != nil {
			t.Fatal(err)
		}
		if out, rep := runCached(t, dir, fsys); out != "42\n" || rep != "" {
			t.Errorf("with the entry %q: stdout %q, report %q; want 42 and no error", damaged, out, rep)
		}
	}

	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, rep := runCached(t, filepath.Join(blocked, "transform"), fsys); out != "42\n" || rep != "" {
		t.Errorf("with a cache that cannot be made: stdout %q, report %q", out, rep)
	}
}

// A file that may hold a credential (a credential-named name given a string, a call
// that takes credentials) is transformed but never written to the cache.
func TestTransformCacheSkipsCredentials(t *testing.T) {
	for _, src := range []string{
		"const cfg: { accessToken: string } = { accessToken: \"abc123\" };\nconsole.log(cfg.accessToken.length);\n",
		"const password: string = 'hunter2';\nconsole.log(password.length);\n",
		"const c = new daktela.Client(\"https://x.daktela.com\", process.env.T as string);\nconsole.log(typeof c);\n",
	} {
		dir := filepath.Join(t.TempDir(), "transform")
		rt, _, _ := newRT(t, runtime.Options{ModuleFS: fstest.MapFS{"main.ts": {Data: []byte(src)}}, TransformCache: dir})
		_ = rt.RunFile(context.Background(), "main.ts")
		if e := cacheEntries(t, dir); len(e) != 0 {
			t.Errorf("%q was cached (%v)", src, e)
		}
	}
}

// The first write of a process that finds more than a thousand entries removes the
// oldest, keeping 800, then adds its own.
func TestTransformCachePrunes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "transform")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	base := time.Now().Add(-48 * time.Hour)
	for i := range 1001 {
		p := filepath.Join(dir, fmt.Sprintf("old%04d", i))
		if err := os.WriteFile(p, []byte("1\nx"), 0o600); err != nil {
			t.Fatal(err)
		}
		at := base.Add(time.Duration(i) * time.Second)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if out, rep := runCached(t, dir, fstest.MapFS{"main.ts": {Data: []byte("console.log(1 as number);\n")}}); out != "1\n" || rep != "" {
		t.Fatalf("run: %q %q", out, rep)
	}
	entries := cacheEntries(t, dir)
	if len(entries) != 801 {
		t.Fatalf("%d entries after the prune and the run's write, want 801", len(entries))
	}
	for _, e := range entries {
		if e == "old0000" || e == "old0200" {
			t.Errorf("the oldest entry %s was kept", e)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "old1000")); err != nil {
		t.Errorf("a recent entry was removed: %v", err)
	}
}

// A cache directory others can write is not used: an entry found there is not run, and
// nothing is written there.
func TestTransformCacheUntrustedDirectory(t *testing.T) {
	fsys := fstest.MapFS{"main.ts": {Data: []byte("const n: number = 7;\nconsole.log(n * 6);\n")}}
	good := filepath.Join(t.TempDir(), "transform")
	if out, _ := runCached(t, good, fsys); out != "42\n" {
		t.Fatalf("first run: %q", out)
	}
	entries := cacheEntries(t, good)
	if len(entries) != 1 {
		t.Fatalf("entries %v, want 1", entries)
	}
	// The same entry, changed to print something else, in a directory anyone may write.
	open := filepath.Join(t.TempDir(), "transform")
	if err := os.Mkdir(open, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o777); err != nil {
		t.Fatal(err)
	}
	rest := "console.log(\"planted\");\n{\"version\":3,\"sources\":[\"main.ts\"],\"mappings\":\"AAAA\"}"
	sum := sha256.Sum256([]byte(rest))
	planted := fmt.Sprintf("%d %s\n%s", len("console.log(\"planted\");"), hex.EncodeToString(sum[:]), rest)
	if err := os.WriteFile(filepath.Join(open, entries[0]), []byte(planted), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, rep := runCached(t, open, fsys); out != "42\n" || rep != "" {
		t.Errorf("with a world-writable cache: stdout %q, report %q; want the script's own 42", out, rep)
	}
	if e := cacheEntries(t, open); len(e) != 1 {
		t.Errorf("a world-writable cache was written to: %v", e)
	}
	// A symbolic link to a good directory is not used either.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(good, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if out, _ := runCached(t, link, fstest.MapFS{"main.ts": {Data: []byte("console.log(6 * 7 as number);\n")}}); out != "42\n" {
		t.Errorf("through a link: stdout %q", out)
	}
	if e := cacheEntries(t, good); len(e) != 1 {
		t.Errorf("a cache reached through a symbolic link was written to: %v", e)
	}
}

// A cache directory that did not exist when the process first looked, and that someone
// else then made writable by all, is looked at again before the first write and not used.
func TestTransformCacheDirectoryMadeByOthers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "transform")
	// This run looks for its entry (there is no directory yet) and writes none: the file
	// holds a credential.
	if out, _ := runCached(t, dir, fstest.MapFS{"main.ts": {Data: []byte("const password: string = \"x\";\nconsole.log(password.length);\n")}}); out != "1\n" {
		t.Fatalf("first run: %q", out)
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if out, _ := runCached(t, dir, fstest.MapFS{"main.ts": {Data: []byte("console.log(2 as number);\n")}}); out != "2\n" {
		t.Fatalf("second run: %q", out)
	}
	if e := cacheEntries(t, dir); len(e) != 0 {
		t.Errorf("a directory made writable by all was written to: %v", e)
	}
}
