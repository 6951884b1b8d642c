package jsfs

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/dkscript/dkscript/bindings"
)

// Names of the run's standard streams. A script that opens one of them gets the stream
// its host gave the runtime ([bindings.Host] Stdin, Stdout, Stderr), not the process's.
const (
	Stdin  = "/dev/stdin"
	Stdout = "/dev/stdout"
	Stderr = "/dev/stderr"
)

// Files opens files on behalf of a script: relative paths are resolved against Base,
// and [Stdin], [Stdout] and [Stderr] are the run's streams. The csv module uses it too.
type Files struct {
	Base string        // absolute directory relative paths are resolved against
	Host bindings.Host // gives the standard streams
}

// Resolve returns p made absolute against f.Base and cleaned.
func (f *Files) Resolve(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(f.Base, p)
}

// Open opens the file at p for reading. [Stdin] reads the run's standard input, once.
func (f *Files) Open(p string) (io.ReadCloser, error) {
	if p == Stdin {
		return io.NopCloser(f.stdin()), nil
	}
	return os.Open(f.Resolve(p))
}

func (f *Files) stdin() io.Reader {
	if f.Host == nil || f.Host.Stdin() == nil {
		return bytes.NewReader(nil)
	}
	return f.Host.Stdin()
}

// Create opens the file at p for writing, truncating it or, with appendTo, appending to
// it, and creating it if needed (mode 0666 before umask). [Stdout] and [Stderr] write to
// the run's streams; closing them does not close the stream.
func (f *Files) Create(p string, appendTo bool) (io.WriteCloser, error) {
	if w := f.stdStream(p); w != nil {
		return nopWriteCloser{w}, nil
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendTo {
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	return os.OpenFile(f.Resolve(p), flag, 0o666)
}

func (f *Files) stdStream(p string) io.Writer {
	if f.Host == nil {
		return nil
	}
	var w io.Writer
	switch p {
	case Stdout:
		w = f.Host.Stdout()
	case Stderr:
		w = f.Host.Stderr()
	default:
		return nil
	}
	if w == nil {
		return io.Discard
	}
	return w
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// SkipBOM consumes a UTF-8 byte order mark at the start of r, if there is one.
func SkipBOM(r *bufio.Reader) error {
	b, err := r.Peek(3)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return err
	}
	if bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		_, _ = r.Discard(3)
	}
	return nil
}

// CleanupHost is an optional interface of a [bindings.Host]. A host that implements it
// calls every function given to OnClose when a script's run ends and when the runtime
// closes (on the runtime's goroutine), so the fs and csv modules can flush and close the
// streams a script left open. An error fn returns is the host's to report: nobody else
// is left to hear of a file that could not be written.
type CleanupHost interface {
	OnClose(fn func() error)
}

// Streams tracks the streams a module instance has open, so that those a script forgot
// are closed when the run ends (when its host is a [CleanupHost]).
type Streams struct {
	open map[io.Closer]string // the stream and the path the script named it by
}

// NewStreams returns a tracker that closes its streams when h closes, if h supports it.
func NewStreams(h bindings.Host) *Streams {
	s := &Streams{open: map[io.Closer]string{}}
	if ch, ok := h.(CleanupHost); ok {
		ch.OnClose(s.CloseAll)
	}
	return s
}

// Add tracks c, opened at path (as the script named it), until Remove is called with it.
func (s *Streams) Add(c io.Closer, path string) { s.open[c] = path }

// Remove stops tracking c (the stream closed itself).
func (s *Streams) Remove(c io.Closer) { delete(s.open, c) }

// Len returns how many streams are open.
func (s *Streams) Len() int { return len(s.open) }

// CloseAll closes every tracked stream. It returns what went wrong, one
// [*UnclosedError] per stream that could not be flushed or closed (a writer's last
// buffer meeting a full disk, say), joined in the order of the paths.
func (s *Streams) CloseAll() error {
	var errs []*UnclosedError
	for c, p := range s.open {
		if err := c.Close(); err != nil {
			errs = append(errs, &UnclosedError{Path: p, Err: err})
		}
		delete(s.open, c)
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Path < errs[j].Path })
	all := make([]error, len(errs))
	for i, e := range errs {
		all[i] = e
	}
	return errors.Join(all...)
}

// UnclosedError is a stream the script left open that could not be flushed or closed
// when its run ended.
type UnclosedError struct {
	Path string // as the script named it
	Err  error
}

// Error names the file and says what failed.
func (e *UnclosedError) Error() string {
	return "'" + e.Path + "', which the script left open, could not be flushed and closed when it ended: " + e.Err.Error()
}

// Unwrap returns the write or close error.
func (e *UnclosedError) Unwrap() error { return e.Err }
