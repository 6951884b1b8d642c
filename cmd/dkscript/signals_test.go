package main

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// TestSignalsFirstCancelsSecondExits drives watchSignals with fake signals: the first
// cancels the run with errInterrupted, the second exits at once with 130.
func TestSignalsFirstCancelsSecondExits(t *testing.T) {
	st, _, errb := testState(t)
	sigs := make(chan chan<- os.Signal, 1)
	st.SignalNotify = func(c chan<- os.Signal, _ ...os.Signal) { sigs <- c }
	stopped := make(chan struct{})
	st.SignalStop = func(chan<- os.Signal) { close(stopped) }
	exited := make(chan int, 1)
	st.Exit = func(code int) { exited <- code }

	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stop := watchSignals(st, cancel)
	c := <-sigs

	c <- os.Interrupt
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the first signal did not cancel the run")
	}
	if !errors.Is(context.Cause(ctx), errInterrupted) {
		t.Errorf("cause %v, want errInterrupted", context.Cause(ctx))
	}
	select {
	case code := <-exited:
		t.Fatalf("the first signal exited (%d)", code)
	default:
	}

	c <- os.Interrupt
	select {
	case code := <-exited:
		if code != 130 {
			t.Errorf("second signal: exit %d, want 130", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the second signal did not exit")
	}
	if !strings.Contains(errb.String(), "dkscript: interrupted") {
		t.Errorf("stderr %q", errb)
	}
	stop()
	select {
	case <-stopped:
	default:
		t.Error("stop did not call SignalStop")
	}
}

func TestSignalsStopWithoutSignal(t *testing.T) {
	st, _, _ := testState(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stop := watchSignals(st, cancel)
	stop()
	if ctx.Err() != nil {
		t.Errorf("stop cancelled the run: %v", context.Cause(ctx))
	}
}
