package main

import (
	"errors"
	"flag"
	"maps"
	"strings"
	"time"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// fakeFlags shape the fake Daktela's data, time and faults. dkscript mock has them, and
// run, eval and repl accept them under the same names together with --mock.
type fakeFlags struct {
	seed    intFlag
	records listFlag
	faults  string
	latency durationFlag
	jitter  durationFlag
	now     string
	// recordingSize is --recording-size: every call recording this many bytes.
	recordingSize sizeFlag
	// tokenLife is how long the access tokens login.json hands out live.
	tokenLife durationFlag
	live      float64
}

// register adds the fake server's flags to fs.
func (f *fakeFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.seed, "seed", "demo data set `SEED` (default 1)")
	fs.Var(&f.records, "records", "synthesise `MODEL=N` records of a model, e.g. campaignsRecords=100k (repeatable, or comma-separated)")
	fs.StringVar(&f.faults, "faults", "", "inject faults by `SPEC`, e.g. 5xx:0.1,429:0.05:retry=1,reset-body:0.02 (see daktelatest.ParseFaults)")
	fs.Var(&f.latency, "latency", "add `DURATION` to every answer")
	fs.Var(&f.jitter, "jitter", "add up to `DURATION` more, at random")
	fs.Var(&f.recordingSize, "recording-size", "make every call recording exactly `SIZE`, e.g. 2MB (KB, MB, GB are powers of 1024; default: 8000 bytes per second of the call)")
	fs.Var(&f.tokenLife, "token-life", "access tokens from login.json live `DURATION` (default 1h); a short one shows scripts renewing a daktela.login sign-in")
	fs.Float64Var(&f.live, "live", 0, "simulate a working contact centre at `RATE` events a second: new calls, tickets opened, updated, escalated and closed, contacts edited")
	fs.StringVar(&f.now, "now", "", "fix the clock at `TIME`, \"YYYY-MM-DD HH:MM:SS\" in the instance's zone: the fake's data ends then, and the script's Date.now(), new Date() and dates read it (default: the real clock, data up to today)")
}

// given returns the fake server's flags that were set, as --name.
func (f *fakeFlags) given() []string {
	var out []string
	if f.seed.set {
		out = append(out, "--seed")
	}
	if len(f.records) > 0 {
		out = append(out, "--records")
	}
	if f.faults != "" {
		out = append(out, "--faults")
	}
	if f.latency.set {
		out = append(out, "--latency")
	}
	if f.jitter.set {
		out = append(out, "--jitter")
	}
	if f.now != "" {
		out = append(out, "--now")
	}
	if f.recordingSize.set {
		out = append(out, "--recording-size")
	}
	if f.tokenLife.set {
		out = append(out, "--token-life")
	}
	if f.live != 0 {
		out = append(out, "--live")
	}
	return out
}

// check validates the flags for cmd; withServer says whether cmd starts the fake (mock,
// or --mock) and so may have them at all.
func (f *fakeFlags) check(cmd string, withServer bool) error {
	if g := f.given(); len(g) > 0 && !withServer {
		return usagef(cmd, "%s shapes the embedded fake Daktela: add --mock (or use dkscript mock)", strings.Join(g, ", "))
	}
	if f.seed.set && f.seed.n < 1 {
		return usagef(cmd, "invalid value %d for flag --seed: must be 1 or more", f.seed.n)
	}
	for _, spec := range f.records {
		if _, err := daktelatest.ParseRecords(spec); err != nil {
			return usagef(cmd, "invalid value %q for flag --records: %v", spec, err)
		}
	}
	if f.faults != "" {
		if _, err := daktelatest.ParseFaults(f.faults); err != nil {
			return usagef(cmd, "invalid value %q for flag --faults: %v", f.faults, err)
		}
	}
	if f.recordingSize.set && f.recordingSize.n < daktelatest.MinRecordingSize {
		return usagef(cmd, "invalid value %d for flag --recording-size: a recording is at least %d bytes (a WAV header)", f.recordingSize.n, daktelatest.MinRecordingSize)
	}
	if f.tokenLife.set && f.tokenLife.d < time.Second {
		return usagef(cmd, "invalid value %v for flag --token-life: must be 1s or more (the API's expiry has whole seconds)", f.tokenLife.d)
	}
	if f.live < 0 || f.live > daktelatest.MaxLiveRate || f.live != f.live {
		return usagef(cmd, "invalid value %v for flag --live: the rate is events a second, above 0 and at most %d", f.live, daktelatest.MaxLiveRate)
	}
	if f.live > 0 && f.now != "" {
		return usagef(cmd, "--live needs the real clock: with --now every change would carry the same stamp")
	}
	if f.now != "" {
		if _, err := parseNow(f.now, time.UTC); err != nil {
			return usagef(cmd, "invalid value %q for flag --now: %v", f.now, err)
		}
	}
	return nil
}

// nowLayouts are the forms --now takes: the API's date-time, or a bare date (midnight).
var nowLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

// parseNow reads --now as a local time in loc.
func parseNow(s string, loc *time.Location) (time.Time, error) {
	for _, l := range nowLayouts {
		if t, err := time.ParseInLocation(l, strings.TrimSpace(s), loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errNowFormat
}

var errNowFormat = errors.New(`want "YYYY-MM-DD HH:MM:SS" (the API's format, in the instance's time zone)`)

// server returns the fake server's options, checked by check, and the fixed instant of
// --now (zero without it), read in loc. Without --now the server keeps the real clock
// and its demo data ends at the start of the current day, so reports of recent days
// (dates.range("lastMonth")) find data on any day.
func (f *fakeFlags) server(loc *time.Location) (daktelatest.Options, time.Time) {
	opts := daktelatest.Options{
		Seed:    int64(f.seed.n),
		Latency: f.latency.d,
		Jitter:  f.jitter.d,
		Faults:  f.faults,
		Live:    f.live,
		// TokenLife: zero (unset) is the fake's default.
		TokenLife: f.tokenLife.d,
	}
	if f.recordingSize.set {
		opts.RecordingSize = f.recordingSize.n
	}
	for _, spec := range f.records {
		m, _ := daktelatest.ParseRecords(spec)
		if opts.Records == nil {
			opts.Records = map[string]int{}
		}
		maps.Copy(opts.Records, m)
	}
	if f.now == "" {
		today := time.Now().In(loc)
		opts.Anchor = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, loc)
		return opts, time.Time{}
	}
	at, _ := parseNow(f.now, loc)
	opts.Now = func() time.Time { return at }
	return opts, at
}
