package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run "dkscript" as this test binary calling runMain, so every
// script exercises the real command in its own process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dkscript": func() { os.Exit(runMain(newOSState())) },
	})
}

// TestScripts runs testdata/script/*.txtar.
//
// Extra commands:
//
//	fakedaktela          start the fake Daktela behind a recording proxy; sets
//	                     DAKTELA_URL, DAKTELA_TOKEN and FAKE_URL (the proxy's URL)
//	requests [-ua]       print the requests the proxy saw since the last "requests",
//	                     one a line: "GET /api/v6/users.json auth=header" (-ua: and
//	                     ua="<User-Agent>")
//	freeport VAR         set VAR to a free 127.0.0.1:PORT
//	waitlisten ADDR      wait (at most 20 s) until something accepts connections on ADDR
//
// $SCRIPTS is the repository's scripts/ gallery, so scripts run the real files.
func TestScripts(t *testing.T) {
	gallery, err := filepath.Abs("../../scripts")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("GORACE", childGORACE())
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/config")
			env.Setenv("SCRIPTS", gallery)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fakedaktela": cmdFakeDaktela,
			"requests":    cmdRequests,
			"freeport":    cmdFreePort,
			"waitlisten":  cmdWaitListen,
		},
	})
}

// childGORACE is GORACE for the processes the scripts start (this test binary, built
// with -race under go test -race): as given, and without the race runtime's second of
// sleep at every exit (atexit_sleep_ms, default 1000), which let a racing goroutine report
// before the process ends and made each of the scripts' hundreds of commands take a
// second. A race is still reported, with exit status 66, when it happens.
func childGORACE() string {
	return strings.TrimSpace(os.Getenv("GORACE") + " atexit_sleep_ms=0")
}

// recorder is a reverse proxy in front of a fake Daktela that remembers every request.
type recorder struct {
	mu   sync.Mutex
	seen []seenRequest
}

type seenRequest struct{ line, userAgent string }

func (r *recorder) record(req *http.Request) {
	auth := "none"
	switch {
	case req.Header.Get("X-AUTH-TOKEN") != "":
		auth = "header"
	case req.URL.Query().Get("accessToken") != "":
		auth = "query"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = append(r.seen, seenRequest{fmt.Sprintf("%s %s auth=%s", req.Method, req.URL.Path, auth), req.UserAgent()})
}

// take returns the requests seen since the last take.
func (r *recorder) take() []seenRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	seen := r.seen
	r.seen = nil
	return seen
}

func cmdFakeDaktela(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 0 {
		ts.Fatalf("usage: fakedaktela")
	}
	srv := daktelatest.NewServer(daktelatest.Options{})
	ts.Defer(srv.Close)
	target, err := url.Parse(srv.URL)
	ts.Check(err)
	rec := &recorder{}
	proxy := httputil.NewSingleHostReverseProxy(target)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	hs := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			proxy.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go hs.Serve(ln)
	ts.Defer(func() { hs.Close() })
	u := "http://" + ln.Addr().String()
	ts.Setenv("DAKTELA_URL", u)
	ts.Setenv("FAKE_URL", u)
	ts.Setenv("DAKTELA_TOKEN", srv.Token)
	recorders.Store(ts, rec)
	ts.Defer(func() { recorders.Delete(ts) })
}

// recorders maps a running script to its proxy's recorder.
var recorders sync.Map

func cmdRequests(ts *testscript.TestScript, neg bool, args []string) {
	withUA := len(args) == 1 && args[0] == "-ua"
	if neg || len(args) > 0 && !withUA {
		ts.Fatalf("usage: requests [-ua]")
	}
	v, ok := recorders.Load(ts)
	if !ok {
		ts.Fatalf("requests: no fakedaktela running")
	}
	out := ts.Stdout() // always, so that no requests means an empty stdout
	for _, r := range v.(*recorder).take() {
		if withUA {
			fmt.Fprintf(out, "%s ua=%q\n", r.line, r.userAgent)
		} else {
			fmt.Fprintln(out, r.line)
		}
	}
}

func cmdFreePort(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	addr := ln.Addr().String()
	ln.Close()
	ts.Setenv(args[0], addr)
}

func cmdWaitListen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitlisten ADDR")
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", args[0], time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("nothing listens on %s after 20s: %v", args[0], err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
