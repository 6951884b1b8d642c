package runtime

import (
	"io"
	"sync"
)

// sharedWriter serialises the writes of several runtimes to one writer (a pool's
// runtimes share Stdout and Stderr), so lines never interleave mid-way.
type sharedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// shareWriter wraps w for use by several runtimes at once; nil stays nil.
func shareWriter(w io.Writer) io.Writer {
	if w == nil {
		return nil
	}
	if _, ok := w.(*sharedWriter); ok {
		return w
	}
	return &sharedWriter{w: w}
}

func (s *sharedWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
