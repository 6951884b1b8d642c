package jsfs

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// lineReader reads a stream line by line, one line in memory at a time; a line may be
// as long as one read takes (bindings.MaxReadBytes: a stream with no line end, such as
// /dev/zero, would otherwise fill the memory).
type lineReader struct {
	rc     io.ReadCloser
	br     *bufio.Reader
	buf    []byte
	max    int
	closed bool
}

func newLineReader(rc io.ReadCloser) (*lineReader, error) {
	br := bufio.NewReaderSize(rc, 64<<10)
	if err := SkipBOM(br); err != nil {
		return nil, err
	}
	return &lineReader{rc: rc, br: br, max: int(bindings.MaxReadBytes())}, nil
}

// next returns the next line without its "\n" or "\r\n"; ok is false at the end.
func (l *lineReader) next() (line []byte, ok bool, err error) {
	l.buf = l.buf[:0]
	for {
		chunk, err := l.br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if len(l.buf)+len(chunk) > l.max {
				return nil, false, fmt.Errorf("a line holds more than %d bytes (%w)", l.max, bindings.ErrTooLarge)
			}
			l.buf = append(l.buf, chunk...)
			continue
		}
		if len(l.buf) > 0 {
			l.buf = append(l.buf, chunk...)
			chunk = l.buf
		}
		if err == io.EOF {
			if len(chunk) == 0 {
				return nil, false, nil
			}
		} else if err != nil {
			return nil, false, err
		}
		chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		return bytes.TrimSuffix(chunk, []byte("\r")), true, nil
	}
}

// Close closes the stream; it is safe to call more than once.
func (l *lineReader) Close() error {
	if l.closed {
		return nil
	}
	l.closed = true
	return l.rc.Close()
}

func (in *instance) lines(call goja.FunctionCall) goja.Value {
	const fn = "fs.lines"
	p := in.pathOrFd(call, fn, 0)
	rc, err := in.files.Open(p)
	if err != nil {
		in.throw(err, "open", p)
	}
	lr, err := newLineReader(rc)
	if err != nil {
		_ = rc.Close()
		in.throw(err, "read", p)
	}
	in.streams.Add(lr, p)
	stop := func() {
		in.streams.Remove(lr)
		_ = lr.Close()
	}
	next := func() (goja.Value, bool) {
		if lr.closed {
			return nil, true
		}
		if err := in.h.Context().Err(); err != nil {
			stop()
			panic(in.vm.NewGoError(err))
		}
		line, ok, err := lr.next()
		if err != nil {
			stop()
			in.throw(err, "read", p)
		}
		if !ok {
			return nil, true
		}
		return in.vm.ToValue(string(line)), false
	}
	return NewIterator(in.vm, next, stop)
}
