package main

import (
	"context"
	"fmt"
	"os"
	"syscall"

	"github.com/dkscript/dkscript/runtime"
)

// watchSignals handles Ctrl-C and SIGTERM for one run: the first one cancels the run
// context with errInterrupted (the script and its requests stop), a second one ends the
// process at once with exit code 130. The returned function stops watching.
func watchSignals(st *state, cancel context.CancelCauseFunc) (stop func()) {
	ch := make(chan os.Signal, 2)
	st.SignalNotify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-ch:
			cancel(errInterrupted)
			if st.StderrTTY {
				fmt.Fprintln(st.Stderr, "\ndkscript: stopping (press Ctrl-C again to exit at once)")
			}
		case <-done:
			return
		}
		select {
		case <-ch:
			fmt.Fprintln(st.Stderr, "dkscript: interrupted")
			st.Exit(runtime.ExitInterrupted)
		case <-done:
		}
	}()
	return func() {
		st.SignalStop(ch)
		close(done)
		<-finished
	}
}
