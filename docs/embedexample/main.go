// Command embedexample is the complete program docs/embedding.md shows: a Go program
// that runs a JavaScript file against a Daktela instance with dkscript's runtime, the
// daktela module and the helper modules, and exits as the dkscript CLI would.
//
//	DAKTELA_URL=https://acme.daktela.com DAKTELA_TOKEN=... go run ./docs/embedexample report.js
//
// With no DAKTELA_URL it starts the fake Daktela (daktelatest) and runs against it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: embedexample script.js [args...]")
		os.Exit(runtime.ExitUsage)
	}
	// Ctrl-C cancels the context: the script stops at its next instruction, and its
	// requests and timers are abandoned.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1], os.Args[2:], os.Stdout, os.Stderr))
}

// run runs the script at path with args and returns the exit code.
func run(ctx context.Context, path string, args []string, stdout, stderr io.Writer) int {
	url, token := os.Getenv("DAKTELA_URL"), os.Getenv("DAKTELA_TOKEN")
	if url == "" {
		srv := daktelatest.NewServer(daktelatest.Options{}) // the demo data set on 127.0.0.1
		defer srv.Close()
		url, token = srv.URL, srv.Token
	}
	client := daktela.NewClient(url, token)
	comm := client.ApiCommunicator()
	comm.SetRequestTimeout(60 * time.Second)
	comm.SetUserAgentSuffix("embedexample/1.0")
	comm.SetMaxRequests(10_000) // a runaway loop cannot hammer the instance

	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return runtime.ExitScriptError
	}
	rt, err := runtime.New(runtime.Options{
		Client:  client, // what daktela.client() returns: the script needs no credentials
		Stdout:  stdout,
		Stderr:  stderr,
		Args:    args,
		Env:     map[string]string{"REPORT_DAYS": "7"},
		Modules: runtime.StandardModules(wd), // fs, csv, path, dates: the helpers the CLI gives scripts
		// Everything is off unless granted: files (fs, csv, require of files), the
		// environment above, and new daktela.Client(...) in scripts (not granted here).
		Capabilities: runtime.Capabilities{FileAccess: true, Env: true},
		Timeout:      10 * time.Minute,
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return runtime.ExitScriptError
	}
	defer rt.Close()

	err = rt.RunFile(ctx, path)
	var se *runtime.ScriptError
	var exit *runtime.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit): // process.exit(n): the script said what it had to
	case errors.As(err, &se):
		fmt.Fprintln(stderr, se) // file:line:col, message, source line, JS stack
	default:
		fmt.Fprintln(stderr, "error:", err) // timeout, interrupt, unreadable file
	}
	return runtime.ExitCode(err)
}
