package runtime_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// runWatchScript runs src with file access in dir (Options.Dir, where relative
// checkpoint paths go, as the fs module's base) against srv, and returns its output and
// error.
func runWatchScript(t *testing.T, srv *daktelatest.Server, dir, src string) (string, error) {
	t.Helper()
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{
		Client:       srv.Client(),
		Stdout:       &out,
		Stderr:       &out,
		Modules:      []bindings.Module{jsfs.New(jsfs.Options{BaseDir: dir})},
		Capabilities: runtime.Capabilities{FileAccess: true},
		Dir:          dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "watch.js", src)
	return out.String(), err
}

// seen returns the names the checkpoint in dir holds as delivered.
func seen(t *testing.T, dir string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "tickets.cp"))
	if err != nil {
		t.Fatal(err)
	}
	var cp struct{ Seen map[string]string }
	if err := json.Unmarshal(b, &cp); err != nil {
		t.Fatal(err)
	}
	return cp.Seen
}

// A loop body's end acknowledges its record: a break and process.exit do too; a
// callback or a for await body that throws does not, so the next run gets that record
// again.
func TestWatchAcknowledgesWhatTheLoopFinished(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	dir := t.TempDir()
	const setup = `
const client = daktela.client();
const req = daktela.buildReadRequest("Tickets");
const opts = { every: "50ms", since: new Date(Date.now() - 1000), checkpoint: "tickets.cp" };
`
	out, err := runWatchScript(t, srv, dir, setup+`
for (const n of [1001, 1002, 1003]) client.execute(daktela.buildUpdateRequest("Tickets").setObjectName(n).addAttribute("title", "t" + n));
for await (const t of client.watch(req, opts)) {
  console.log("async", t.name);
  if (t.name === 1002) break;
}
`)
	if err != nil || out != "async 1001\nasync 1002\n" {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	if s := seen(t, dir); len(s) != 2 || s["1001"] == "" || s["1002"] == "" {
		t.Fatalf("after a break the checkpoint holds %v, want 1001 and 1002", s)
	}

	out, err = runWatchScript(t, srv, dir, setup+`
client.watch(req, opts, (t) => { throw new Error("cannot handle " + t.name); });
`)
	if err == nil || !strings.Contains(out+err.Error(), "cannot handle 1003") {
		t.Fatalf("a throwing callback: %v\n%s", err, out)
	}
	if s := seen(t, dir); s["1003"] != "" {
		t.Fatalf("the record the callback threw on was acknowledged: %v", s)
	}

	// A for await body that throws: the lowered loop calls return() as it does on a
	// break, but the run fails before the next turn of the event loop, so the record
	// stays for the next run.
	out, err = runWatchScript(t, srv, dir, setup+`
for await (const t of client.watch(req, opts)) {
  throw new Error("the loop cannot handle " + t.name);
}
`)
	if err == nil || !strings.Contains(out+err.Error(), "the loop cannot handle 1003") {
		t.Fatalf("a throwing loop body: %v\n%s", err, out)
	}
	if s := seen(t, dir); s["1003"] != "" {
		t.Fatalf("the record the loop body threw on was acknowledged: %v", s)
	}

	out, err = runWatchScript(t, srv, dir, setup+`
for await (const t of client.watch(req, opts)) {
  console.log("again", t.name);
  process.exit(3);
}
`)
	if runtime.ExitCode(err) != 3 || out != "again 1003\n" {
		t.Fatalf("process.exit in the body: %v\n%s", err, out)
	}
	if s := seen(t, dir); s["1003"] == "" {
		t.Fatalf("process.exit did not save the record it was done with: %v", s)
	}
	for _, name := range []string{"tickets.cp"} {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); strings.Contains(string(b), srv.Token) {
			t.Fatal("the token is in the checkpoint")
		}
	}
}
