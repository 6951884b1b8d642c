package reliability_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
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

// helperModules are the modules the CLI adds; an embedder may add them too, and they
// still obey the capabilities.
func helperModules(t *testing.T) []bindings.Module {
	dir := t.TempDir()
	return []bindings.Module{
		jsfs.New(jsfs.Options{BaseDir: dir}), jscsv.New(jscsv.Options{BaseDir: dir}),
		jspath.New(jspath.Options{BaseDir: dir}), jsdates.New(jsdates.Options{}),
	}
}

// runJS runs src in a runtime made from opts and returns stdout, and stderr plus the
// run's error.
func runJS(t *testing.T, opts runtime.Options, src string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	opts.Stdout, opts.Stderr = &stdout, &stderr
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := rt.RunString(testCtx(t, 30*time.Second), "sandbox.js", src); err != nil {
		stderr.WriteString(err.Error())
	}
	return stdout.String(), stderr.String()
}

// capabilityProbe tries everything a capability guards and prints one line per try:
// "name ok" or "name refused: <message>".
const capabilityProbe = `
function probe(name, fn) {
	try { fn(); console.log(name, "ok") } catch (e) { console.log(name, "refused:", e.message) }
}
probe("fs", () => require("fs").writeFileSync("probe.txt", "x"))
probe("csv", () => require("csv").parseFile("probe.txt"))
probe("file require", () => require("/etc/hostname"))
probe("cwd", () => process.cwd())
probe("env", () => { if (process.env.SECRET !== "s3cret") throw new Error("process.env.SECRET is " + process.env.SECRET) })
probe("new Client", () => new daktela.Client("https://elsewhere.example", "t"))
probe("getInstance", () => daktela.Client.getInstance("https://elsewhere.example", "t"))
probe("login", () => daktela.login("https://127.0.0.1:1", "u", "p"))
probe("path", () => require("path").join("a", "b"))
probe("dates", () => require("dates"))
`

// TestCapabilitiesOffUnlessGranted runs one probe with no capabilities and with each
// granted: file access, the environment and new clients work only when granted, and a
// refusal says which capability is missing.
func TestCapabilitiesOffUnlessGranted(t *testing.T) {
	// Env without the Env capability is a mistake of the host, refused by New.
	if _, err := runtime.New(runtime.Options{Env: map[string]string{"SECRET": "s3cret"}}); err == nil || !strings.Contains(err.Error(), "Capabilities.Env") || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Env without the capability: %v", err)
	}
	none, _ := runJS(t, runtime.Options{Modules: helperModules(t)}, capabilityProbe)
	for _, want := range []string{
		"fs refused: require(\"fs\"): the fs module reads and writes files, which this runtime does not allow",
		"csv refused: require(\"csv\"): the csv module reads and writes files",
		"file require refused:",
		"cwd refused: process.cwd() needs the FileAccess capability",
		"env refused: process.env.SECRET is undefined",
		"new Client refused: new daktela.Client: this runtime does not allow scripts to create clients",
		"getInstance refused: daktela.Client.getInstance: this runtime does not allow scripts to create clients",
		"login refused: daktela.login: this runtime does not allow scripts to create clients",
		"path ok", "dates ok",
	} {
		if !strings.Contains(none, want+"") {
			t.Errorf("without capabilities: no line %q in\n%s", want, none)
		}
	}
	if strings.Contains(none, "s3cret") {
		t.Errorf("the environment leaked without the Env capability:\n%s", none)
	}

	all, _ := runJS(t, runtime.Options{Modules: helperModules(t), Env: map[string]string{"SECRET": "s3cret"},
		Capabilities: runtime.Capabilities{FileAccess: true, Env: true, NewClients: true}}, capabilityProbe)
	for _, want := range []string{"fs ok", "csv ok", "cwd ok", "env ok", "new Client ok", "getInstance ok", "login refused: POST login.json"} {
		if !strings.Contains(all, want) {
			t.Errorf("with every capability: no line %q in\n%s", want, all)
		}
	}
}

// TestModuleFSConfinesRequire: with a ModuleFS and no file access, require reaches only
// that file system.
func TestModuleFSConfinesRequire(t *testing.T) {
	fsys := fstest.MapFS{"lib/ok.js": {Data: []byte(`module.exports = "inside"`)}}
	out, _ := runJS(t, runtime.Options{ModuleFS: fsys}, `
console.log(require("./lib/ok"))
try { require("../../../../etc/hostname"); console.log("escaped") } catch (e) { console.log("refused") }
try { require("/etc/hostname"); console.log("escaped") } catch (e) { console.log("refused") }
`)
	if out != "inside\nrefused\nrefused\n" {
		t.Errorf("output %q", out)
	}
}

// tokenWalk walks everything a script can reach from the configured client: every own
// property (enumerable or not, symbols too) of the client, its communicator, their
// prototype chains and whatever those hold, calls every getter-like method with no
// arguments, and prints every string it found, plus the client as JSON, String() and
// console.log show it.
const tokenWalk = `
const seen = new Set()
const found = []
function walk(v, path, depth) {
	if (v === null || v === undefined) return
	if (typeof v === "string") { found.push(path + "=" + v); return }
	if (typeof v !== "object" && typeof v !== "function") { found.push(path + "=" + String(v)); return }
	if (seen.has(v) || depth > 6) return
	seen.add(v)
	for (const key of Reflect.ownKeys(v)) {
		let d
		try { d = Object.getOwnPropertyDescriptor(v, key) } catch (e) { found.push(path + " threw " + e.message); continue }
		if (!d) continue
		const name = path + "." + String(key)
		if ("value" in d) walk(d.value, name, depth + 1)
		for (const acc of [d.get, d.set]) if (acc) {
			try { walk(acc.call(v), name + "<get>", depth + 1) } catch (e) { found.push(name + " threw " + e.message) }
		}
		if (typeof d.value === "function" && /^(get|is|has|to)/.test(String(key)) && v !== Object.prototype && v !== Function.prototype) {
			try { walk(d.value.call(v), name + "()", depth + 1) } catch (e) { found.push(name + "() threw " + e.message) }
		}
	}
	walk(Object.getPrototypeOf(v), path + ".__proto__", depth + 1)
}
const c = daktela.client()
walk(c, "client", 0)
walk(c.getApiCommunicator(), "communicator", 0)
walk(daktela, "daktela", 0)
found.push(JSON.stringify(c), String(c), JSON.stringify(c.getApiCommunicator()))
console.log(c, c.getApiCommunicator())
console.log(found.join("\n"))
`

// TestScriptCannotReadTheToken walks everything reachable from daktela.client() in both
// auth modes and with a login client: the token is nowhere.
func TestScriptCannotReadTheToken(t *testing.T) {
	const token = "TOKEN-sandbox-9f8e7d6c5b4a"
	srv := daktelatest.NewServer(daktelatest.Options{Token: token})
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		c := daktela.NewClient(srv.URL, token)
		c.ApiCommunicator().SetAuthenticationMethod(auth)
		if _, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("Users")); err != nil {
			t.Fatal(err)
		}
		out, errOut := runJS(t, runtime.Options{Client: c}, tokenWalk)
		if len(out) < 1000 {
			t.Fatalf("%s: the walk found little: %q %s", auth, out, errOut)
		}
		if strings.Contains(out+errOut, token) || strings.Contains(out+errOut, token[6:]) {
			t.Errorf("%s: the token is reachable from a script", auth)
		}
	}
}

// TestRequestLimit: a client with SetMaxRequests sends that many HTTP requests, retries
// included, and then refuses with a clear error before sending anything.
func TestRequestLimit(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Faults: "5xx:n=2"})
	defer srv.Close()
	c := faultClient(srv, daktela.AuthHeader)
	c.ApiCommunicator().SetMaxRequests(5)
	out, errOut := runJS(t, runtime.Options{Client: c}, `
let done = 0
try {
	for (let i = 0; i < 100; i++) { daktela.client().execute(daktela.buildReadRequest("Queues")); done++ }
} catch (e) {
	console.log(done, e instanceof daktela.RequestException, e.message)
}
`)
	if want := "4 true GET queues.json?skip=0&take=100: the client's request limit is reached (5 requests)\n"; out != want {
		t.Errorf("script printed %q, want %q (%s)", out, want, errOut)
	}
	if n := srv.RequestCount(); n != 5 {
		t.Errorf("the server saw %d requests, want 5 (4 reads, one of them retried once)", n)
	}
	if c.ApiCommunicator().RequestsSent() != 5 {
		t.Errorf("RequestsSent %d", c.ApiCommunicator().RequestsSent())
	}
}

// TestResponseSizeLimit: answers longer than SetMaxResponseBytes fail, announced by
// Content-Length or streamed without one, and are not retried; smaller answers pass.
func TestResponseSizeLimit(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	streamed := 0
	chunked := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		streamed++
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"error":[],"result":{"data":[`)
		for i := 0; i < 1000; i++ {
			if i > 0 {
				fmt.Fprint(w, ",")
			}
			fmt.Fprintf(w, `{"name":"record_%04d"}`, i)
			w.(http.Flusher).Flush() // no Content-Length: chunked
		}
		fmt.Fprint(w, `],"total":1000}}`)
	}))
	defer chunked.Close()

	for _, tc := range []struct {
		name string
		url  string
	}{{"content-length", srv.URL}, {"chunked", chunked.URL}} {
		t.Run(tc.name, func(t *testing.T) {
			c := daktela.NewClient(tc.url, srv.Token)
			c.ApiCommunicator().SetRetryConfig(fastRetries())
			c.ApiCommunicator().SetMaxResponseBytes(4000)
			before := srv.RequestCount() + int64(streamed)
			_, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("CampaignsRecords").SetTake(100))
			if !errors.Is(err, daktela.ErrResponseTooLarge) || !strings.Contains(err.Error(), "4000 bytes") {
				t.Fatalf("error %v, want ErrResponseTooLarge naming the limit", err)
			}
			if n := srv.RequestCount() + int64(streamed) - before; n != 1 {
				t.Errorf("%d requests: a too-large answer must not be retried", n)
			}
			if tc.name == "content-length" {
				if _, err := c.Execute(testCtx(t, 30*time.Second), daktela.BuildReadRequest("Queues").SetTake(1).SetFields([]string{"name"})); err != nil {
					t.Errorf("a small answer: %v", err)
				}
			}
		})
	}
}
