package runtime

import (
	"context"
	"errors"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// ErrMemoryLimit is the cause of a run stopped because the process's heap grew past
// [Options.MaxMemory]; the [*InterruptError] of such a run wraps it and has the code
// [ExitMemory].
var ErrMemoryLimit = errors.New("the script used more memory than allowed")

// memoryCheckEvery is how often a run with a memory limit looks at the heap.
const memoryCheckEvery = 10 * time.Millisecond

// heapMetric is the bytes of heap objects, live or not yet swept: with the soft limit
// set the collector keeps it under the limit unless the live data is over it.
const heapMetric = "/memory/classes/heap/objects:bytes"

// applyMemoryLimit lowers the process's soft memory limit (debug.SetMemoryLimit) to
// limit: the collector then works to stay under it, and only data the script keeps
// alive passes it. The limit is the process's, shared with every runtime in it.
func applyMemoryLimit(limit int64) {
	if limit > 0 && limit < debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(limit)
	}
}

// watchMemory cancels the run (cause ErrMemoryLimit) once the heap holds more than limit
// bytes; the returned function stops watching. It sees the whole process: a runtime
// cannot tell its own allocations from another's.
func watchMemory(limit int64, cancel context.CancelCauseFunc) (stop func()) {
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: heapMetric}}
		t := time.NewTicker(memoryCheckEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > uint64(limit) {
				cancel(ErrMemoryLimit)
				return
			}
		}
	}()
	return func() { close(done) }
}
