package main

import (
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// state is everything dkscript takes from the process: streams, environment, arguments,
// working directory, config directory, signals and exit. Commands use nothing else, so
// tests can run them in-process with a state of their own (k6's GlobalState idea).
type state struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	// Whether each stream is a terminal (REPL, colours, progress bar).
	StdinTTY, StdoutTTY, StderrTTY bool

	// Args are the command-line arguments without the program name.
	Args []string
	// Env is the process environment.
	Env map[string]string
	// Dir is the working directory.
	Dir string
	// ConfigDir is the user's configuration directory ("" when unknown); dkscript's
	// config file lives in ConfigDir/dkscript/config.json.
	ConfigDir string
	// CacheDir is the user's cache directory ("" when unknown: nothing is cached);
	// transformed TypeScript and ES modules are kept in CacheDir/dkscript/transform.
	CacheDir string

	// SignalNotify and SignalStop are signal.Notify and signal.Stop, replaceable by tests.
	SignalNotify func(c chan<- os.Signal, sig ...os.Signal)
	SignalStop   func(c chan<- os.Signal)
	// Exit ends the process at once (the second Ctrl-C).
	Exit func(code int)
	// SetLocalZone makes zone the process's local time zone, which a JavaScript Date's
	// local-time methods use (nil: left as it is, as in tests running commands
	// in-process).
	SetLocalZone func(zone *time.Location)
}

// newOSState returns the state of the real process.
func newOSState() *state {
	dir, _ := os.Getwd()
	cfg, _ := os.UserConfigDir()
	cache, _ := os.UserCacheDir()
	return &state{
		Stdin:        os.Stdin,
		Stdout:       os.Stdout,
		Stderr:       &lockedWriter{w: os.Stderr},
		StdinTTY:     isTerminal(os.Stdin),
		StdoutTTY:    isTerminal(os.Stdout),
		StderrTTY:    isTerminal(os.Stderr),
		Args:         os.Args[1:],
		Env:          environMap(os.Environ()),
		Dir:          dir,
		ConfigDir:    cfg,
		CacheDir:     cache,
		SignalNotify: signal.Notify,
		SignalStop:   signal.Stop,
		Exit:         os.Exit,
		SetLocalZone: func(zone *time.Location) { time.Local = zone },
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// environMap turns KEY=VALUE pairs into a map (later pairs win).
func environMap(kv []string) map[string]string {
	m := make(map[string]string, len(kv))
	for _, e := range kv {
		if k, v, ok := strings.Cut(e, "="); ok && k != "" {
			m[k] = v
		}
	}
	return m
}

// lockedWriter serialises writes: stderr is shared by the script's console, the dry-run
// printer, the request log and the progress bar, which run on several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
