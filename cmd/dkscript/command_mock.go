package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/spf13/cobra"
)

// mockFlags are the flags of dkscript mock.
type mockFlags struct {
	addr  string
	token string
	fake  fakeFlags // data, time and faults; run, eval and repl take them with --mock
	// anywhere lets --addr be off loopback.
	anywhere bool
}

// register adds mock's flags to fs.
func (f *mockFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8089", "listen on `HOST:PORT` (port 0 picks a free one)")
	fs.StringVar(&f.token, "token", "", "the access `TOKEN` the server accepts (default "+daktelatest.DefaultToken+")")
	f.fake.register(fs)
	fs.BoolVar(&f.anywhere, "listen-anywhere", false, "allow an --addr other machines can reach (off loopback)")
}

// newMockCommand is dkscript mock: the fake Daktela as a server of its own.
func newMockCommand(st *state) *cobra.Command {
	f := &mockFlags{}
	c := &cobra.Command{
		Use:   "mock [flags]",
		Short: "serve the fake Daktela on 127.0.0.1",
		Long: `Serves the embedded fake Daktela V6 (a seeded demo data set: users, queues, tickets,
contacts, campaign records, ...) until Ctrl-C, and prints the URL and token to use.
It answers as the real API does, so scripts, curl and the PHP connector work against it.
(run --mock starts the same server inside the run instead, and takes the flags below
that shape its data, time and faults: --seed, --records, --now, --latency, --jitter,
--faults, --live.)

--live RATE makes it a working contact centre: RATE events a second (new calls,
tickets opened, updated, escalated and closed, contacts edited), stamped as the API
stamps writes, for scripts that watch for changes (client.watch).

The demo data ends at the start of the current day (in Europe/Prague, the fake's zone),
so reports of recent days find data on any day; --now "2026-01-15 12:00:00" fixes the
server's clock and ends the data there instead.
`,
		Example: `  dkscript mock
  dkscript mock --addr 127.0.0.1:0 --records campaignsRecords=100000
  dkscript mock --latency 20ms --faults 5xx:0.1,429:0.05:retry=1
  dkscript mock --now "2026-01-15 12:00:00"
  dkscript mock --live 5
  DAKTELA_URL=http://127.0.0.1:8089 DAKTELA_TOKEN=` + daktelatest.DefaultToken + ` dkscript run report.js
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("mock", "mock: unexpected argument %q", args[0])
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
				var oe *net.OpError
				if errors.As(err, &oe) && oe.Op == "listen" {
					return fmt.Errorf("dkscript mock: cannot listen on %s: %w (choose another --addr, or port 0 for a free one)", f.addr, oe.Err)
				}
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
	addGoFlags(c.Flags(), f.register)
	completeFakeFlags(c)
	return c
}

// options turns the flags into server options, checking them first. --now is read in
// the fake's own zone (Europe/Prague).
func (f *mockFlags) options() (daktelatest.Options, error) {
	if err := f.fake.check("mock", true); err != nil {
		return daktelatest.Options{}, err
	}
	opts, _ := f.fake.server(bindings.DefaultLocation())
	opts.Token = f.token
	return opts, nil
}
