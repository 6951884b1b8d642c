package main

import (
	"os"
	"runtime/debug"
	"time"
)

// Start-up allocates a few megabytes that nearly all stay live (the engine's built-ins,
// the modules, a script's compiled code, esbuild's tables for a TypeScript file). With
// Go's default GOGC of 100 the collector runs two or three times over them for nothing:
// 2 to 4 ms of the start of a TypeScript script on two cores. For the first
// startupGCWindow the collector is given four times the room; then the default comes
// back, so a script's steady-state memory is what it would be without this. The soft
// memory limit (--max-memory) applies throughout, and a GOGC the user set is left alone.
const (
	startupGCPercent = 400
	startupGCWindow  = 100 * time.Millisecond
)

// relaxGCForStartup raises the collector's target for the start of the process.
func relaxGCForStartup() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	prev := debug.SetGCPercent(startupGCPercent)
	time.AfterFunc(startupGCWindow, func() { debug.SetGCPercent(prev) })
}
