package main

import (
	"os"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent reads the collector's GOGC setting without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// The collector gets more room at start-up and its setting comes back after the
// window; a GOGC the user set is left alone.
func TestRelaxGCForStartup(t *testing.T) {
	before := gcPercent()
	defer debug.SetGCPercent(before)

	t.Setenv("GOGC", "150")
	relaxGCForStartup()
	if p := gcPercent(); p != before {
		t.Errorf("with GOGC set, the setting became %d, want it left at %d", p, before)
	}

	old, had := os.LookupEnv("GOGC")
	os.Unsetenv("GOGC")
	t.Cleanup(func() {
		if had {
			os.Setenv("GOGC", old)
		}
	})
	relaxGCForStartup()
	if p := gcPercent(); p != startupGCPercent {
		t.Fatalf("during start-up the setting is %d, want %d", p, startupGCPercent)
	}
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if p := gcPercent(); p != before {
		t.Errorf("after the start-up window the setting is %d, want %d back", p, before)
	}
}
