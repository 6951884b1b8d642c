package main

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// session is what one run of JavaScript talks to: the configured client (nil when no
// connection is configured), and what must be cleaned up afterwards.
type session struct {
	client   *daktela.Client
	conn     *connection // where the client goes (nil without a client)
	models   []string    // model names the fake server serves (--mock), for REPL completion
	progress *progressReporter
	dryRun   *daktela.DryRun // --dry-run: shared by every client of the session
	zone     instanceZone    // the instance's time zone
	now      time.Time       // --now: the fixed clock (zero: the real one)
	closers  []func()
	// configure applies the transport flags to a client: the configured one and every
	// client a script makes (runtime.Options.ConfigureClient).
	configure func(*daktela.Client)
}

// close releases the session: the progress bar, the --dry-run summary, then the
// embedded fake server.
func (s *session) close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
	s.closers = nil
}

// openSession resolves the connection (or starts the embedded fake for --mock) and
// builds the client with the transport flags applied.
func openSession(st *state, f *runFlags, env map[string]string) (*session, error) {
	s := &session{}
	var conn *connection
	if f.mock {
		zone, err := resolveZone(f, nil)
		if err != nil {
			return nil, err
		}
		if st.SetLocalZone != nil {
			// Before the fake's goroutines start: they read time.Local.
			st.SetLocalZone(zone.loc)
		}
		opts, now := f.fake.server(zone.loc)
		s.now = now
		srv, err := daktelatest.Listen("127.0.0.1:0", opts)
		if err != nil {
			return nil, fmt.Errorf("--mock: starting the fake Daktela: %w", err)
		}
		s.closers = append(s.closers, srv.Close)
		s.models = srv.Models()
		auth := f.auth
		if auth == "" {
			auth = "header"
		}
		conn = &connection{URL: srv.URL, Token: srv.Token, Auth: auth, URLFrom: "--mock", TokenFrom: "--mock"}
	} else {
		var err error
		conn, err = resolveConnection(st, f, env)
		if err != nil {
			return nil, err
		}
	}
	zone, err := resolveZone(f, conn)
	if err != nil {
		return nil, err
	}
	s.zone = zone
	if st.SetLocalZone != nil && !f.mock {
		// A Date's getDate, getHours, toString ... read the instance's calendar.
		st.SetLocalZone(zone.loc)
	}
	if f.insecure {
		// Loud on purpose, every run.
		fmt.Fprintln(st.Stderr, "dkscript: WARNING: --insecure: TLS certificates are NOT verified; anyone on the network path can read the access token and the data")
	}
	if f.dryRun {
		s.dryRun = daktela.NewDryRun(dryRunPrinter(st.Stderr))
		s.closers = append(s.closers, func() { printDryRunSummary(st.Stderr, s.dryRun.Counts()) })
	}
	if showProgress(st, f, env) {
		s.progress = newProgressReporter(st.Stderr)
		s.closers = append(s.closers, s.progress.close)
	}
	token := ""
	if conn != nil {
		token = conn.Token
	}
	s.configure = zone.configure(st, clientConfig(st, f, token, s.progress, s.dryRun))
	if conn == nil {
		return s, nil
	}
	c := daktela.NewClient(conn.URL, conn.Token)
	if conn.Auth == "query" {
		c.ApiCommunicator().SetAuthenticationMethod(daktela.AuthQuery)
	} else {
		c.ApiCommunicator().SetAuthenticationMethod(daktela.AuthHeader)
	}
	s.configure(c)
	s.client, s.conn = c, conn
	return s, nil
}

// clientConfig returns the function that applies the transport flags (--insecure,
// --request-timeout, --user-agent-suffix, --retries, --rate, --concurrency,
// --max-response-size, --dry-run, --verbose, the progress bar) to a client. The CLI's
// own client and every client a script makes get it, sharing one dry run (dryRun, nil
// without --dry-run) and one request logger, so a script cannot send a write under
// --dry-run or leave the request log by making its own client, and the records
// held-back creates make are numbered once.
// token, the configured connection's (empty without one), is redacted from the log;
// clients never log their own.
func clientConfig(st *state, f *runFlags, token string, progress *progressReporter, dryRun *daktela.DryRun) func(*daktela.Client) {
	var logger *slog.Logger
	if f.verbose {
		logger = newRequestLogger(st.Stderr, f.logFormat, token)
	}
	return func(c *daktela.Client) {
		comm := c.ApiCommunicator()
		if f.insecure {
			comm.SetVerifySsl(false)
		}
		if f.requestTimeout.set {
			comm.SetRequestTimeout(f.requestTimeout.d)
		}
		if f.uaSuffix != "" {
			comm.SetUserAgentSuffix(f.uaSuffix)
		}
		if f.retries.set {
			if f.retries.n == 0 {
				comm.SetRetryConfig(daktela.DisabledRetryConfig())
			} else {
				rc := daktela.DefaultRetryConfig()
				rc.MaxRetries = f.retries.n
				comm.SetRetryConfig(rc)
			}
		}
		if f.rate > 0 {
			comm.SetRateCap(f.rate)
		}
		if f.concurrency.set {
			comm.SetConcurrency(f.concurrency.n)
		}
		if f.maxResponse.set {
			comm.SetMaxResponseBytes(f.maxResponse.n)
		}
		if dryRun != nil {
			comm.ShareDryRun(dryRun)
		}
		if logger != nil {
			comm.SetLogger(logger)
		}
		if progress != nil {
			comm.SetProgress(progress.update)
		}
	}
}
