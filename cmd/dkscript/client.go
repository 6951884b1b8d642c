package main

import (
	"fmt"

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
	closers  []func()
}

// close releases the session: the progress bar, then the embedded fake server.
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
		srv, err := daktelatest.Listen("127.0.0.1:0", daktelatest.Options{})
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
	if f.insecure {
		// Loud on purpose, every run.
		fmt.Fprintln(st.Stderr, "dkscript: WARNING: --insecure: TLS certificates are NOT verified; anyone on the network path can read the access token and the data")
	}
	if conn == nil {
		return s, nil
	}
	c := daktela.NewClient(conn.URL, conn.Token)
	comm := c.ApiCommunicator()
	if conn.Auth == "query" {
		comm.SetAuthenticationMethod(daktela.AuthQuery)
	} else {
		comm.SetAuthenticationMethod(daktela.AuthHeader)
	}
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
	if f.concurrency > 0 {
		comm.SetConcurrency(f.concurrency)
	}
	if f.dryRun {
		comm.SetDryRun(dryRunPrinter(st.Stderr))
	}
	if f.verbose {
		comm.SetLogger(newRequestLogger(st.Stderr, f.logFormat, conn.Token))
	}
	if showProgress(st, f, env) {
		s.progress = newProgressReporter(st.Stderr)
		comm.SetProgress(s.progress.update)
		s.closers = append(s.closers, s.progress.close)
	}
	s.client, s.conn = c, conn
	return s, nil
}
