package main

import (
	"context"
	"flag"
	"fmt"
	"maps"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// mockFlags are the flags of dkscript mock.
type mockFlags struct {
	addr    string
	token   string
	seed    int64
	records listFlag
	faults  string
	latency durationFlag
	jitter  durationFlag
	// anywhere lets --addr be off loopback.
	anywhere bool
}

func newMockFlags() (*flag.FlagSet, any) {
	fs := newFlagSet("mock")
	f := &mockFlags{}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8089", "listen on `HOST:PORT` (port 0 picks a free one)")
	fs.StringVar(&f.token, "token", "", "the access `TOKEN` the server accepts (default "+daktelatest.DefaultToken+")")
	fs.Int64Var(&f.seed, "seed", 1, "demo data set `SEED`")
	fs.Var(&f.records, "records", "synthesise `MODEL=N` records of a model, e.g. campaignsRecords=100k (repeatable, or comma-separated)")
	fs.StringVar(&f.faults, "faults", "", "inject faults by `SPEC`, e.g. 5xx:0.1,429:0.05:retry=1,reset-body:0.02 (see daktelatest.ParseFaults)")
	fs.Var(&f.latency, "latency", "add `DURATION` to every answer")
	fs.Var(&f.jitter, "jitter", "add up to `DURATION` more, at random")
	fs.BoolVar(&f.anywhere, "listen-anywhere", false, "allow an --addr other machines can reach (off loopback)")
	return fs, f
}

var mockCommand = &command{
	name:    "mock",
	summary: "serve the fake Daktela on 127.0.0.1",
	usage:   "mock [flags]",
	help: `Serves the embedded fake Daktela V6 (a seeded demo data set: users, queues, tickets,
contacts, campaign records, ...) until Ctrl-C, and prints the URL and token to use.
It answers as the real API does, so scripts, curl and the PHP connector work against it.
(run --mock starts the same server inside the run instead.)

Examples:
  dkscript mock
  dkscript mock --addr 127.0.0.1:0 --records campaignsRecords=100000
  dkscript mock --latency 20ms --faults 5xx:0.1,429:0.05:retry=1
  DAKTELA_URL=http://127.0.0.1:8089 DAKTELA_TOKEN=` + daktelatest.DefaultToken + ` dkscript run report.js
`,
	newFlags: newMockFlags,
	run: func(st *state, self *command, args []string) error {
		fs, v := newMockFlags()
		f := v.(*mockFlags)
		if err := parseFlags(fs, "mock", args); err != nil {
			if helpRequested(err) {
				return printCommandHelp(st.Stdout, self)
			}
			return err
		}
		if fs.NArg() > 0 {
			return usagef("mock", "mock: unexpected argument %q", fs.Arg(0))
		}
		if err := checkListenAddr("mock", f.addr, f.anywhere); err != nil {
			return err
		}
		opts, err := f.options()
		if err != nil {
			return err
		}

		ctx, cancel := context.WithCancelCause(context.Background())
		defer cancel(nil)
		stop := watchSignals(st, cancel)
		defer stop()

		srv, err := daktelatest.Listen(f.addr, opts)
		if err != nil {
			return fmt.Errorf("dkscript mock: %w", err)
		}
		defer srv.Close()
		fmt.Fprintf(st.Stdout, "Fake Daktela serving on %s (Ctrl-C stops it). Connect with:\n", srv.URL)
		fmt.Fprintf(st.Stdout, "  export DAKTELA_URL=%s\n", srv.URL)
		fmt.Fprintf(st.Stdout, "  export DAKTELA_TOKEN=%s\n", srv.Token)
		<-ctx.Done()
		// Stopping the server is what Ctrl-C is for here: not an error.
		return nil
	},
}

// options turns the flags into server options, checking them first.
func (f *mockFlags) options() (daktelatest.Options, error) {
	opts := daktelatest.Options{
		Seed:    f.seed,
		Token:   f.token,
		Latency: f.latency.d,
		Jitter:  f.jitter.d,
		Faults:  f.faults,
	}
	for _, spec := range f.records {
		m, err := daktelatest.ParseRecords(spec)
		if err != nil {
			return opts, usagef("mock", "invalid value %q for flag --records: %v", spec, err)
		}
		if opts.Records == nil {
			opts.Records = map[string]int{}
		}
		maps.Copy(opts.Records, m)
	}
	if f.faults != "" {
		if _, err := daktelatest.ParseFaults(f.faults); err != nil {
			return opts, usagef("mock", "invalid value %q for flag --faults: %v", f.faults, err)
		}
	}
	return opts, nil
}
