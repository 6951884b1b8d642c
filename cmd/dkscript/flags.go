package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// runFlags are the flags of the commands that run JavaScript (run, eval, repl and the
// plain "dkscript script.js" form).
type runFlags struct {
	// Connection.
	url       string
	tokenFile string
	profile   string
	mock      bool
	auth      string

	// Transport.
	timeout        durationFlag // whole run
	maxMemory      sizeFlag     // the process's heap while the script runs
	requestTimeout durationFlag // one HTTP request
	insecure       bool
	uaSuffix       string
	retries        intFlag
	rate           float64
	concurrency    intFlag
	maxResponse    sizeFlag // bytes one answer may have
	allowNet       allowNetFlag

	// Running safely.
	dryRun    bool
	yes       bool // --yes: every confirm() true, every prompt() its default
	verbose   bool
	logFormat string
	quiet     bool
	noColor   bool

	// The instance's time zone (--timezone; "" for the profile's or the default).
	timezone string
	// The fake server's data, time and faults (with --mock).
	fake fakeFlags

	// Script environment.
	env      listFlag // -e KEY=VALUE
	envFiles listFlag // --env-file PATH
}

// newFlagSet returns a flag set that reports errors to the caller instead of printing
// them and exiting.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// newRunFlagValues returns the run flags with their defaults, to be registered.
func newRunFlagValues() *runFlags { return &runFlags{logFormat: "text"} }

// register adds the run flags to fs.
func (f *runFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.url, "url", "", "Daktela instance `URL` (else DAKTELA_URL, else the profile)")
	fs.StringVar(&f.tokenFile, "token-file", "", "read the access token from `FILE` (else DAKTELA_TOKEN, else the profile)")
	fs.StringVar(&f.profile, "profile", "", "use the connection profile `NAME` from the config file (else DKSCRIPT_PROFILE, else the file's default)")
	fs.BoolVar(&f.mock, "mock", false, "start the embedded fake Daktela and connect to it")
	fs.StringVar(&f.auth, "auth", "", "how the token travels: `header` (default) or query")
	fs.Var(&f.timeout, "timeout", "stop the whole run after `DURATION` (e.g. 90s, 5m; exit code 124)")
	fs.Var(&f.maxMemory, "max-memory", "stop the script once dkscript uses more than `SIZE` of memory (e.g. 512MiB, 2GiB; exit code 137)")
	fs.Var(&f.requestTimeout, "request-timeout", "timeout of one HTTP request, a `DURATION` (default 30s)")
	fs.BoolVar(&f.insecure, "insecure", false, "do not verify TLS certificates (dangerous)")
	fs.StringVar(&f.uaSuffix, "user-agent-suffix", "", "append `TEXT` to the User-Agent header")
	fs.Var(&f.retries, "retries", "retry failed reads up to `N` times (0 turns retries off; default 3)")
	fs.Float64Var(&f.rate, "rate", 0, "send at most `N` requests per second (0: no cap)")
	fs.Var(&f.concurrency, "concurrency", "fetch up to `N` pages at once in multi-page reads (default 8)")
	fs.Var(&f.maxResponse, "max-response-size", "fail a request whose answer is larger than `SIZE`, e.g. 256MiB (default 64MiB; 0: no limit)")
	fs.Var(&f.allowNet, "allow-net", "fetch reaches any host; --allow-net=HOST,HOST:PORT only those (a port is optional), --allow-net= none")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print creates, updates and deletes on stderr instead of sending them; reads run")
	fs.BoolVar(&f.yes, "yes", false, "answer every confirm() yes and every prompt() with its default, without asking (for unattended runs)")
	fs.BoolVar(&f.verbose, "verbose", false, "log one line per HTTP request on stderr (token redacted)")
	fs.BoolVar(&f.verbose, "v", false, "short for --verbose")
	fs.StringVar(&f.logFormat, "log-format", "text", "request log format: `text` or json")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress bar")
	fs.BoolVar(&f.quiet, "q", false, "short for --quiet")
	fs.BoolVar(&f.noColor, "no-color", false, "no colours (also when NO_COLOR is set)")
	fs.StringVar(&f.timezone, "timezone", "", "the instance's time `ZONE` (IANA, e.g. America/New_York; else the profile's, else Europe/Prague): Dates sent, the dates module and Date's local time use it, and the server is told it")
	f.fake.register(fs)
	fs.Var(&f.env, "e", "set `KEY=VALUE` in the script's process.env (repeatable)")
	fs.Var(&f.envFiles, "env-file", "load KEY=VALUE lines from `FILE` into process.env (repeatable)")
}

// validate checks the flag values that the flag package cannot.
func (f *runFlags) validate(cmd string) error {
	switch f.auth {
	case "", "header", "query":
	default:
		return usagef(cmd, "invalid value %q for flag --auth: want header or query", f.auth)
	}
	switch f.logFormat {
	case "text", "json":
	default:
		return usagef(cmd, "invalid value %q for flag --log-format: want text or json", f.logFormat)
	}
	if f.retries.set && f.retries.n < 0 {
		return usagef(cmd, "invalid value %d for flag --retries: must be 0 or more", f.retries.n)
	}
	if f.maxMemory.set && f.maxMemory.n < 16<<20 {
		return usagef(cmd, "invalid value %d for flag --max-memory: must be 16MiB or more", f.maxMemory.n)
	}
	if f.rate < 0 {
		return usagef(cmd, "invalid value %v for flag --rate: must be 0 or more", f.rate)
	}
	if f.concurrency.set && f.concurrency.n < 1 {
		return usagef(cmd, "invalid value %d for flag --concurrency: must be 1 or more", f.concurrency.n)
	}
	if f.timezone != "" {
		if _, err := loadZone(f.timezone); err != nil {
			return usagef(cmd, "invalid value %q for flag --timezone: %v", f.timezone, err)
		}
	}
	if err := f.fake.check(cmd, f.mock); err != nil {
		return err
	}
	if f.mock && f.url != "" {
		return usagef(cmd, "--mock and --url %s cannot be used together", f.url)
	}
	if f.mock && f.tokenFile != "" {
		return usagef(cmd, "--mock and --token-file cannot be used together (the fake server has its own token)")
	}
	for _, kv := range f.env {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
			return usagef(cmd, "invalid value %q for flag -e: want KEY=VALUE", kv)
		}
	}
	return nil
}

// durationFlag is a duration given as Go text ("90s", "1m30s") or plain seconds ("90").
type durationFlag struct {
	d   time.Duration
	set bool
}

func (d *durationFlag) String() string {
	if d == nil || !d.set {
		return ""
	}
	return d.d.String()
}

func (d *durationFlag) Set(s string) error {
	v, err := parseDuration(s)
	if err != nil {
		return err
	}
	d.d, d.set = v, true
	return nil
}

// parseDuration parses "90s", "1m30s" or plain seconds ("90", "0.5"); it must be positive.
func parseDuration(s string) (time.Duration, error) {
	var v time.Duration
	if secs, err := strconv.ParseFloat(s, 64); err == nil {
		v = time.Duration(secs * float64(time.Second))
	} else if v, err = time.ParseDuration(s); err != nil {
		return 0, fmt.Errorf("want a duration such as 30s, 5m or 90")
	}
	if v <= 0 {
		return 0, fmt.Errorf("must be more than zero")
	}
	return v, nil
}

// intFlag is an int that remembers whether it was given.
type intFlag struct {
	n   int
	set bool
}

func (i *intFlag) String() string {
	if i == nil || !i.set {
		return ""
	}
	return strconv.Itoa(i.n)
}

func (i *intFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("want a whole number")
	}
	i.n, i.set = n, true
	return nil
}

// listFlag collects the values of a repeatable flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// flagError is cobra's flag error function: it turns pflag's errors into usage errors
// worded as dkscript's have always been ("invalid value "soon" for flag --timeout: ...",
// "flag provided but not defined: --x", "flag needs an argument: --url"), each pointing
// at the command's --help.
func flagError(c *cobra.Command, err error) error {
	cmd := ""
	if c.HasParent() {
		cmd = c.Name()
	}
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &notExist):
		name := notExist.GetSpecifiedName()
		if name == "token" && notExist.GetSpecifiedShortnames() == "" {
			return tokenFlagError(cmd)
		}
		return usagef(cmd, "flag provided but not defined: %s", dashed(name, notExist.GetSpecifiedShortnames() != ""))
	case errors.As(err, &noValue):
		return usagef(cmd, "flag needs an argument: %s", dashed(noValue.GetSpecifiedName(), noValue.GetSpecifiedShortnames() != ""))
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		return usagef(cmd, "invalid value %q for flag %s: %v", invalid.GetValue(), dashed(f.Name, false), errors.Unwrap(invalid))
	}
	return usagef(cmd, "%s", err)
}

// dashed writes a flag's name as users type it: "--url", and "-e" for a one-letter one.
func dashed(name string, short bool) string {
	if short || len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
