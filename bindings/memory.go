package bindings

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime/debug"
)

// DefaultMaxReadBytes is the most one module call reads into memory at once (a whole
// file with fs.readFileSync) when the process has no soft memory limit lower than twice
// that.
const DefaultMaxReadBytes = 512 << 20

// ErrTooLarge is returned by [ReadAllLimited] for input longer than its limit.
var ErrTooLarge = errors.New("too large to read into memory at once")

// MaxReadBytes is how many bytes one module call may read into memory at once: 512 MiB,
// or a quarter of the process's soft memory limit (debug.SetMemoryLimit, which the CLI's
// --max-memory sets) when that is lower. A read past it would end the process with a Go
// fatal out of memory (fs.readFileSync("/dev/zero") never ends): it fails instead.
func MaxReadBytes() int64 {
	limit := debug.SetMemoryLimit(-1) // reads the limit without changing it
	if limit <= 0 || limit == math.MaxInt64 || limit/4 >= DefaultMaxReadBytes {
		return DefaultMaxReadBytes
	}
	return limit / 4
}

// ReadAllLimited reads r to its end, or returns ErrTooLarge once more than max bytes
// have come (having read max+1 of them).
func ReadAllLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrTooLarge
	}
	return b, nil
}

// LineLimitReader returns a reader of r that fails with an error wrapping ErrTooLarge
// once one line (the bytes between two "\n") passes max bytes. A parser that keeps a
// line in memory (encoding/csv) then stops there, where input with no line end, such as
// /dev/zero, would fill the memory.
func LineLimitReader(r io.Reader, max int) io.Reader {
	return &lineLimitReader{r: r, max: max}
}

type lineLimitReader struct {
	r   io.Reader
	max int // the longest line allowed
	run int // bytes of the current line read so far
}

func (l *lineLimitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for b := p[:n]; ; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.run += len(b)
			break
		}
		if l.run+i > l.max {
			l.run += i
			break
		}
		l.run, b = 0, b[i+1:]
	}
	if l.run > l.max {
		return 0, fmt.Errorf("a line holds more than %d bytes (%w)", l.max, ErrTooLarge)
	}
	return n, err
}
