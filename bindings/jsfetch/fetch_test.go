package jsfetch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/bindings/jsfetch"
	"github.com/dkscript/dkscript/runtime"
)

// run runs src in a runtime with opts (Stdout and Stderr set here), the server's URL
// in process.env.URL, and returns what it printed and the run's error.
func run(t *testing.T, opts runtime.Options, url, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &out
	opts.Env = map[string]string{"URL": url}
	opts.Capabilities.Env = true
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = rt.RunString(ctx, "fetch_test.mjs", src)
	return out.String(), err
}

func net() runtime.Options { return runtime.Options{Capabilities: runtime.Capabilities{Net: true}} }

// echo answers with what it received: method, path, the headers named in ?show=, the body.
func echo(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Add("Set-Cookie", "a=1")
	w.Header().Add("Set-Cookie", "b=2")
	w.Header().Set("X-Reply", "yes")
	w.WriteHeader(http.StatusCreated)
	shown := map[string]string{}
	for _, h := range strings.Split(r.URL.Query().Get("show"), ",") {
		if h != "" {
			shown[h] = r.Header.Get(h)
		}
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"method": r.Method, "path": r.URL.Path, "headers": shown, "body": string(body)})
}

// TestFetchRoundTrip pins what a POST sends (method, headers, body and its default
// Content-Type) and what the Response gives back (status, ok, statusText, headers,
// set-cookie kept apart, json, bodyUsed).
func TestFetchRoundTrip(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(echo))
	defer srv.Close()
	out, err := run(t, net(), srv.URL, `
		const res = await fetch(process.env.URL + "/hook?show=Content-Type,X-Mine,User-Agent", {
			method: "post",
			headers: { "X-Mine": "1" },
			body: JSON.stringify({ text: "Ahoj" }),
		});
		console.log(res.status, res.ok, res.statusText, res.type, res.redirected, res.url === process.env.URL + "/hook?show=Content-Type,X-Mine,User-Agent");
		console.log(res.headers.get("x-reply"), res.headers.getSetCookie().join("|"), [...res.headers.keys()].includes("set-cookie"));
		const got = await res.json();
		console.log(got.method, got.path, got.headers["Content-Type"], got.headers["X-Mine"], got.headers["User-Agent"], got.body, res.bodyUsed);
		const bin = await fetch(process.env.URL + "/", { method: "PUT", body: new Uint8Array([0, 255]) });
		console.log(new Uint8Array(await bin.clone().arrayBuffer()).length > 0, (await bin.json()).body === "\u0000\ufffd");
		const form = await fetch(new Request(process.env.URL + "/f?show=Content-Type", { method: "POST", body: new URLSearchParams({ q: "a b" }) }));
		const f = await form.json();
		console.log(f.headers["Content-Type"], f.body);
	`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "201 true Created basic false true\n" +
		"yes a=1|b=2 true\n" +
		"POST /hook text/plain;charset=UTF-8 1 dkscript {\"text\":\"Ahoj\"} true\n" +
		"true true\n" +
		"application/x-www-form-urlencoded;charset=UTF-8 q=a+b\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestFetchNeedsTheNetCapability checks that without the capability, or to a host not
// in NetHosts (directly or by a redirect), fetch rejects with an error saying so at the
// script's line, and nothing reaches the server.
func TestFetchNeedsTheNetCapability(t *testing.T) {
	var mu sync.Mutex
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		if r.URL.Path == "/away" {
			http.Redirect(w, r, "http://elsewhere.example/", http.StatusFound)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	const script = `
		try {
			await fetch(process.env.URL + "/x?token=s3cret");
		} catch (e) {
			console.log(e.name + ": " + e.message);
			console.log(e.stack.includes("fetch_test.mjs:3"));
		}`
	out, err := run(t, runtime.Options{}, srv.URL, script)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "TypeError: fetch "+srv.URL+"/x?token=REDACTED: network access is not allowed in this runtime (the host grants it with the Net capability)\ntrue\n") {
		t.Errorf("without Net:\n%s", out)
	}
	opts := net()
	opts.Capabilities.NetHosts = []string{"api.example.com", "127.0.0.1:1"}
	out, err = run(t, opts, srv.URL, script)
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if !strings.Contains(out, "TypeError: fetch "+srv.URL+"/x?token=REDACTED: "+host+" is not among the hosts this run may reach (api.example.com, 127.0.0.1:1)\n") {
		t.Errorf("with NetHosts:\n%s", out)
	}
	if hits != 0 {
		t.Errorf("the server got %d requests", hits)
	}
	opts.Capabilities.NetHosts = []string{"127.0.0.1"}
	out, err = run(t, opts, srv.URL, `
		console.log(await (await fetch(process.env.URL + "/")).text());
		await fetch(process.env.URL + "/away").catch((e) => console.log(e.message));`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "ok\nfetch failed: redirected to http://elsewhere.example/, which is not among the hosts this run may reach (127.0.0.1) (GET " + srv.URL + "/away)\n"; out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := runtime.New(runtime.Options{Capabilities: runtime.Capabilities{Net: true, NetHosts: []string{"https://x/"}}}); err == nil || !strings.Contains(err.Error(), `"https://x/" is not a host`) {
		t.Errorf("an invalid NetHosts entry: %v", err)
	}
}

// TestFetchRedirects pins the three redirect modes.
func TestFetchRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, r.URL.Path)
	}))
	defer srv.Close()
	out, err := run(t, net(), srv.URL, `
		const f = await fetch(process.env.URL + "/old");
		console.log(f.status, f.redirected, f.url.endsWith("/new"), await f.text());
		const m = await fetch(process.env.URL + "/old", { redirect: "manual" });
		console.log(m.status, m.redirected, m.headers.get("location"));
		await fetch(process.env.URL + "/old", { redirect: "error" }).catch((e) => console.log(e.name, e.message.replace(process.env.URL, "URL")));`)
	if err != nil {
		t.Fatal(err)
	}
	want := "200 true true /new\n301 false /new\nTypeError fetch failed: redirected to URL/new, and the request's redirect mode is \"error\" (GET " + srv.URL + "/old)\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestFetchResponseLimit checks an answer larger than MaxFetchBytes fails the fetch.
func TestFetchResponseLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length: the limit counts what arrives
		}
		fmt.Fprint(w, strings.Repeat("x", 100))
	}))
	defer srv.Close()
	opts := net()
	opts.MaxFetchBytes = 99
	for _, path := range []string{"/", "/chunked"} {
		out, err := run(t, opts, srv.URL+path, `await fetch(process.env.URL).catch((e) => console.log(e.message));`)
		if err != nil {
			t.Fatal(err)
		}
		if want := "fetch failed: the answer is larger than the response size limit of 99 bytes (GET " + srv.URL + path + ")\n"; out != want {
			t.Errorf("%s: got %q, want %q", path, out, want)
		}
	}
	opts.MaxFetchBytes = 100
	out, err := run(t, opts, srv.URL, `console.log((await (await fetch(process.env.URL)).text()).length);`)
	if err != nil || out != "100\n" {
		t.Errorf("at the limit: %q, %v", out, err)
	}
}

// stuck is a server whose /wait requests hang until the client goes away, each such
// request's end reported on gone; /ready answers once a /wait request has arrived.
func stuck(t *testing.T) (srv *httptest.Server, arrived, gone chan struct{}) {
	arrived, gone = make(chan struct{}, 8), make(chan struct{}, 8)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ready" {
			waitFor(t, arrived, "the request's arrival")
			fmt.Fprint(w, "ready")
			return
		}
		arrived <- struct{}{}
		<-r.Context().Done()
		gone <- struct{}{}
	}))
	t.Cleanup(srv.Close)
	return srv, arrived, gone
}

// waitFor fails the test unless ch delivers within the bound.
func waitFor(t *testing.T, ch chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
		t.Errorf("%s did not happen", what)
	}
}

// TestFetchAbort checks an AbortController stops a waiting request (the server sees it
// go) and AbortSignal.timeout one, each rejecting with the signal's reason; and that a
// timeout signal does not keep a run alive.
func TestFetchAbort(t *testing.T) {
	srv, _, gone := stuck(t)
	out, err := run(t, net(), srv.URL, `
		const c = new AbortController();
		const waiting = fetch(process.env.URL + "/wait", { signal: c.signal });
		await (await fetch(process.env.URL + "/ready")).text();
		c.abort();
		await waiting.catch((e) => console.log(e.name, e.message, e instanceof DOMException, e.code));
		await fetch(process.env.URL + "/wait", { signal: AbortSignal.timeout(1) }).catch((e) => console.log(e.name, e.message, e.code));
		await fetch(process.env.URL + "/wait", { signal: AbortSignal.abort("stop") }).catch((e) => console.log(e));`)
	if err != nil {
		t.Fatal(err)
	}
	want := "AbortError This operation was aborted true 20\nTimeoutError The operation was aborted due to timeout 23\nstop\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	waitFor(t, gone, "the server seeing the aborted request go")
	// A run whose only pending thing is a timeout signal (an hour) ends.
	out, err = run(t, net(), srv.URL, `const s = AbortSignal.timeout(3600e3); s.onabort = () => console.log("fired"); console.log("done");`)
	if err != nil || out != "done\n" {
		t.Errorf("a pending timeout signal: %q, %v", out, err)
	}
}

// TestFetchStopsWithTheRun checks a waiting request stops when the run is cancelled,
// and when process.exit ends the run.
func TestFetchStopsWithTheRun(t *testing.T) {
	srv, arrived, gone := stuck(t)
	ctx, cancel := context.WithCancel(context.Background())
	opts := net()
	opts.Env = map[string]string{"URL": srv.URL}
	opts.Capabilities.Env = true
	rt, err := runtime.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	done := make(chan error, 1)
	go func() { done <- rt.RunString(ctx, "cancel.js", `fetch(process.env.URL + "/wait")`) }()
	waitFor(t, arrived, "the request's arrival")
	cancel()
	waitFor(t, gone, "the server seeing the cancelled request go")
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled run's error: %v", err)
	}

	out, err := run(t, net(), srv.URL, `fetch(process.env.URL + "/wait"); await (await fetch(process.env.URL + "/ready")).text(); process.exit(3);`)
	var ee *runtime.ExitError
	if !errors.As(err, &ee) || ee.Code != 3 {
		t.Errorf("process.exit(3): %v\n%s", err, out)
	}
	waitFor(t, gone, "the server seeing the request of an exited run go")
}

// TestFetchLogRedactsSecrets checks the NetLogger entry of a request names it without
// the URL's password, secret-looking query values, headers or body.
func TestFetchLogRedactsSecrets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer srv.Close()
	var log bytes.Buffer
	opts := net()
	opts.NetLogger = slog.New(slog.NewJSONHandler(&log, nil))
	u := strings.Replace(srv.URL, "http://", "http://user:pa55word@", 1) + "/p?id=7&access_token=t0ken&Signature=s1g&api-key=k3y"
	out, err := run(t, opts, u, `
		const r = await fetch(process.env.URL, { method: "POST", headers: { Authorization: "Bearer b3arer", Cookie: "sid=c00kie" }, body: "b0dy" });
		console.log(r.status);
		await fetch("http://127.0.0.1:1/?token=t0ken").catch(() => console.log("failed"));`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "200\nfailed\n" {
		t.Errorf("output %q", out)
	}
	got := log.String()
	for _, secret := range []string{"pa55word", "t0ken", "s1g", "k3y", "b3arer", "c00kie", "b0dy"} {
		if strings.Contains(got, secret) || strings.Contains(out, secret) {
			t.Errorf("%q is in the log or output:\n%s\n%s", secret, got, out)
		}
	}
	if !strings.Contains(got, `"method":"POST"`) || !strings.Contains(got, "/p?id=7&access_token=REDACTED&Signature=REDACTED&api-key=REDACTED") || !strings.Contains(got, `"status":200`) {
		t.Errorf("the log does not name the request:\n%s", got)
	}
	if strings.Count(got, "\n") != 2 {
		t.Errorf("want one entry per request, got:\n%s", got)
	}
}

// TestParseHosts pins the allow list's syntax.
func TestParseHosts(t *testing.T) {
	got, err := jsfetch.ParseHosts([]string{"API.example.com", "127.0.0.1:8080", "[::1]:9000", "[::1]"})
	if err != nil || strings.Join(got, " ") != "api.example.com 127.0.0.1:8080 [::1]:9000 ::1" {
		t.Errorf("ParseHosts = %q, %v", got, err)
	}
	for _, bad := range []string{"", "https://x", "x/y", "x:", "x:99999", "x:ab", "user@x"} {
		if _, err := jsfetch.ParseHosts([]string{bad}); err == nil {
			t.Errorf("ParseHosts(%q) succeeded", bad)
		}
	}
}
