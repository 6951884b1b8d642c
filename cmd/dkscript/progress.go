package main

import (
	"io"
	"sync"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/schollz/progressbar/v3"
)

// showProgress reports whether the progress bar is wanted: stderr is a terminal, not
// silenced by --quiet, not mixed with --verbose lines, and not in CI.
func showProgress(st *state, f *runFlags, env map[string]string) bool {
	if !st.StderrTTY || f.quiet || f.verbose {
		return false
	}
	if env["CI"] != "" || env["TERM"] == "dumb" {
		return false
	}
	return true
}

// progressReporter draws one bar on a terminal for the multi-page read under way
// (read-all and iterate): records read, total, rate and time left. It is fed by
// ApiCommunicator.SetProgress, from any goroutine.
type progressReporter struct {
	w  io.Writer
	mu sync.Mutex

	bar   *progressbar.ProgressBar
	model string
	total int
}

func newProgressReporter(w io.Writer) *progressReporter {
	return &progressReporter{w: w}
}

// update is the function given to SetProgress.
func (p *progressReporter) update(ev daktela.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil && (ev.Model != p.model || ev.Total != p.total && ev.Total > 0 && p.total > 0) {
		// Another read took over: end the old bar.
		p.finishLocked()
	}
	if p.bar == nil {
		if ev.Done {
			return
		}
		p.start(ev)
	}
	if ev.Total > 0 && p.total <= 0 {
		p.total = ev.Total
		p.bar.ChangeMax(ev.Total)
	}
	p.bar.Set(ev.Read)
	if ev.Done {
		p.finishLocked()
	}
}

func (p *progressReporter) start(ev daktela.Progress) {
	max := ev.Total
	if max <= 0 {
		max = -1 // unknown: a spinner with a count
	}
	p.model, p.total = ev.Model, ev.Total
	p.bar = progressbar.NewOptions(max,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(ev.Model),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("records"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)
}

func (p *progressReporter) finishLocked() {
	if p.bar == nil {
		return
	}
	p.bar.Finish()
	p.bar = nil
	p.model, p.total = "", 0
}

// close clears a bar left on screen (a read that failed or was interrupted). Finishing
// it also ends the library's spinner goroutine of a bar without a total.
func (p *progressReporter) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finishLocked()
}
