package bindings

import (
	"errors"
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
