package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dkscript/dkscript/runtime"
	"github.com/spf13/cobra"
)

// serveFlags are dkscript serve's own flags; it takes the run flags too (connection,
// --dry-run, --verbose, --log-format, --mock, ...).
type serveFlags struct {
	run          runFlags
	addr         string
	secretFile   string
	secretHeader string
	maxBody      sizeFlag
	pool         intFlag
	queue        intFlag
	handlerTime  durationFlag
	grace        durationFlag
}

// Defaults of dkscript serve.
const (
	defaultServeAddr  = "127.0.0.1:8090"
	defaultServeGrace = 30 * time.Second
)

// register adds serve's own flags to fs.
func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", defaultServeAddr, "listen on `HOST:PORT` (port 0 picks a free one); off loopback only with --secret-file")
	fs.StringVar(&f.secretFile, "secret-file", "", "read the webhook secret from `FILE`: every webhook must carry it in --secret-header")
	fs.StringVar(&f.secretHeader, "secret-header", runtime.DefaultSecretHeader, "the `HEADER` that carries the webhook secret")
	fs.Var(&f.maxBody, "max-body", "answer 413 to a body larger than `SIZE` (default 1MiB)")
	fs.Var(&f.pool, "pool", fmt.Sprintf("run up to `N` handlers at once, each in a runtime of its own (default %d)", runtime.DefaultPoolSize))
	fs.Var(&f.queue, "queue", fmt.Sprintf("let up to `N` webhooks wait for a free runtime; past that answer 503 (default %d; 0: none wait)", runtime.DefaultPoolQueue))
	fs.Var(&f.handlerTime, "handler-timeout", "answer 500 when a handler runs longer than `DURATION` (default 30s)")
	fs.Var(&f.grace, "grace", "on SIGTERM or Ctrl-C, give the handlers under way up to `DURATION` to finish (default 30s)")
}

// newServeCommand is dkscript serve: the webhooks of Daktela Automations answered by
// a script's exported handlers.
func newServeCommand(st *state) *cobra.Command {
	f := &serveFlags{}
	f.run.logFormat = "text"
	c := &cobra.Command{
		Use:   "serve [flags] hooks.js",
		Short: "serve Daktela Automations' webhooks to a script's handlers",
		Long: `Receives the webhooks Daktela Automations send (HTTP POST, a JSON body built from the
automation's template, the secret in a header) and calls the handler the script exports
for the event: a function named after it, given the parsed payload and the request
({event, headers, path}), with the same daktela.client() as run.

  module.exports = {
    call_close: async (payload, request) => { ... },
    ticket_update: async (payload) => { ... },
  }

(ES module named exports, "export default {...}" and TypeScript work too.)
POST / takes the event from the body's "event" field, POST /hooks/EVENT from the path,
which wins when both are there. The answer is 200 (with the JSON of an object the
handler returns) or 204 once the handler's promise has resolved and all it started has
finished; 500 when it throws or runs past --handler-timeout (the sender retries); 401
for a wrong or missing secret; 404 for an event without a handler; 413 for a body
past --max-body; 503 when every runtime is busy and the queue is full, and while
shutting down. GET /healthz answers 200 (503 while shutting down), GET /metrics the
Prometheus counters. Each request is logged on stderr in one line (--log-format json
for JSON lines); handlers' console output goes to stdout.

Without --secret-file, serve listens on loopback only. SIGTERM or Ctrl-C stops
accepting, lets the handlers under way finish within --grace and exits 0; a second one
exits at once. --dry-run holds back the handlers' creates, updates and deletes as run
does.
`,
		Example: `  dkscript serve --mock hooks.js
  dkscript serve --addr 0.0.0.0:8090 --secret-file /run/secrets/webhook hooks.js
  dkscript serve --pool 16 --queue 200 --handler-timeout 20s --log-format json hooks.js
`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeServeArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("serve", "serve: missing the script whose exports handle the webhooks")
			}
			if len(args) > 1 {
				return usagef("serve", "serve: unexpected argument %q after the script", args[1])
			}
			return serveHooks(st, f, args[0])
		},
	}
	c.Flags().SetInterspersed(false)
	addGoFlags(c.Flags(), f.run.register)
	addGoFlags(c.Flags(), f.register)
	c.RegisterFlagCompletionFunc("secret-file", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveDefault
	})
	completeRunFlags(c, st)
	return c
}

// completeServeArgs completes serve's one argument, the script.
func completeServeArgs(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return scriptFileCompletions(toComplete)
}

// validate checks serve's flags and returns the webhook secret.
func (f *serveFlags) validate() (secret string, err error) {
	if err := f.run.validate("serve"); err != nil {
		return "", err
	}
	if f.run.timeout.set {
		return "", usagef("serve", "serve: --timeout does not apply to a server; --handler-timeout bounds one handler")
	}
	if f.pool.set && f.pool.n < 1 {
		return "", usagef("serve", "invalid value %d for flag --pool: must be 1 or more", f.pool.n)
	}
	if f.queue.set && f.queue.n < 0 {
		return "", usagef("serve", "invalid value %d for flag --queue: must be 0 or more", f.queue.n)
	}
	if f.maxBody.set && f.maxBody.n < 1 {
		return "", usagef("serve", "invalid value %d for flag --max-body: must be 1 byte or more", f.maxBody.n)
	}
	if strings.TrimSpace(f.secretHeader) == "" {
		return "", usagef("serve", "invalid value for flag --secret-header: a header name is needed")
	}
	if f.secretFile != "" {
		b, err := os.ReadFile(f.secretFile)
		if err != nil {
			return "", usagef("serve", "--secret-file: cannot read %s: %v", f.secretFile, errors.Unwrap(err))
		}
		secret = strings.TrimRight(string(b), "\r\n")
		if secret == "" {
			return "", usagef("serve", "--secret-file: %s is empty", f.secretFile)
		}
	}
	if secret == "" && !isLoopbackAddr(f.addr) {
		return "", usagef("serve", "--addr %s is reachable from other machines, and without a webhook secret anyone there could call the handlers: "+
			"give --secret-file, or listen on a loopback address (127.0.0.1, [::1] or localhost)", f.addr)
	}
	return secret, nil
}

// serveHooks runs dkscript serve until SIGTERM or Ctrl-C.
func serveHooks(st *state, f *serveFlags, script string) error {
	secret, err := f.validate()
	if err != nil {
		return err
	}
	full := absPath(st, script)
	if info, err := os.Stat(full); err != nil {
		return usagef("serve", "serve: cannot read the script %s: %v", script, errors.Unwrap(err))
	} else if info.IsDir() {
		return usagef("serve", "serve: %s is a directory, not a script", script)
	}
	env, err := scriptEnv(st, &f.run)
	if err != nil {
		return err
	}
	sess, err := openSession(st, &f.run, env)
	if err != nil {
		return err
	}
	defer sess.close()

	opts := runtimeOptions(st, &f.run, env, sess, nil, false)
	opts.NoClientHelp = noConnectionHelp("serve", nil)
	opts.Stderr = shareStderr(st)
	popts := runtime.HandlerPoolOptions{Script: full, Runtime: opts}
	if f.pool.set {
		popts.Size = f.pool.n
	}
	if f.queue.set {
		popts.Queue = f.queue.n
		if f.queue.n == 0 {
			popts.Queue = -1
		}
	}
	if f.handlerTime.set {
		popts.Timeout = f.handlerTime.d
	}
	pool, err := runtime.NewHandlerPool(popts)
	if err != nil {
		return err
	}
	logReq := newServeLogger(opts.Stderr, f.run.logFormat, sess.token(), secret)
	wopts := runtime.WebhookOptions{Secret: secret, SecretHeader: f.secretHeader, Log: logReq}
	if f.maxBody.set {
		wopts.MaxBody = f.maxBody.n
	}
	wh := runtime.NewWebhookHandler(pool, wopts)

	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		pool.Close()
		var oe *net.OpError
		if errors.As(err, &oe) {
			err = oe.Err
		}
		return fmt.Errorf("dkscript serve: cannot listen on %s: %w (choose another --addr, or port 0 for a free one)", f.addr, err)
	}
	srv := &http.Server{
		Handler:           wh,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          quietServerLog(),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stopSignals := watchSignals(st, cancel)
	defer stopSignals()
	fmt.Fprintf(opts.Stderr, "dkscript serve: %s handles %s on http://%s (POST / or /hooks/EVENT; SIGTERM or Ctrl-C stops)\n",
		script, strings.Join(pool.Events(), ", "), ln.Addr())
	if sess.client == nil {
		fmt.Fprintf(opts.Stderr, "dkscript serve: no Daktela connection is configured, so daktela.client() throws in the handlers (%s)\n", opts.NoClientHelp)
	}

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	grace := defaultServeGrace
	if f.grace.set {
		grace = f.grace.d
	}
	cut := shutdownServer(srv, wh, pool, grace)
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("dkscript serve: %w", serveErr)
	}
	if cut {
		fmt.Fprintf(opts.Stderr, "dkscript serve: stopped; handlers still running after --grace %s were stopped and answered 500\n", grace)
	} else {
		fmt.Fprintln(opts.Stderr, "dkscript serve: stopped")
	}
	return nil
}

// shutdownServer is the graceful stop: new requests are answered 503 and the
// listener closes; the handlers under way (and those queued) finish within grace, or
// are stopped then (answered 500); their answers are delivered. It
// reports whether grace ran out and handlers were stopped.
func shutdownServer(srv *http.Server, wh *runtime.WebhookHandler, pool *runtime.HandlerPool, grace time.Duration) (cut bool) {
	wh.Drain()
	graceCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(context.Background()) }()
	cut = pool.Shutdown(graceCtx) != nil
	// Every handler has returned: what is left is writing their answers.
	flush := time.NewTimer(5 * time.Second)
	defer flush.Stop()
	select {
	case <-shut:
	case <-flush.C:
		srv.Close()
	}
	return cut
}
