package jsfs

import (
	"bufio"
	"io"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// BufferedFile is a buffered writer over a file that remembers the first error: once a
// write fails the file is closed and every later call returns that error. The csv module
// writes through it too.
type BufferedFile struct {
	wc     io.WriteCloser
	bw     *bufio.Writer
	err    error
	closed bool
}

// NewBufferedFile buffers writes to wc (64 KiB at a time).
func NewBufferedFile(wc io.WriteCloser) *BufferedFile {
	return &BufferedFile{wc: wc, bw: bufio.NewWriterSize(wc, 64<<10)}
}

// Write writes p; on failure the file is closed.
func (f *BufferedFile) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.bw.Write(p)
	if err != nil {
		f.fail(err)
	}
	return n, err
}

// WriteString writes s; on failure the file is closed.
func (f *BufferedFile) WriteString(s string) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.bw.WriteString(s)
	if err != nil {
		f.fail(err)
	}
	return n, err
}

func (f *BufferedFile) fail(err error) {
	f.err = err
	if !f.closed {
		f.closed = true
		_ = f.wc.Close()
	}
}

// Closed reports whether the file is closed (by Close or by a failed write).
func (f *BufferedFile) Closed() bool { return f.closed }

// Close flushes and closes the file, returning the first error met. Closing again
// returns nil.
func (f *BufferedFile) Close() error {
	if f.closed {
		err := f.err
		f.err = nil
		return err
	}
	f.closed = true
	err := f.bw.Flush()
	if cerr := f.wc.Close(); err == nil {
		err = cerr
	}
	return err
}

func (in *instance) createWriter(call goja.FunctionCall) goja.Value {
	const fn = "fs.createWriter"
	p := in.pathOrFd(call, fn, 1, 2)
	appendTo := boolOption(in.vm, optionsArg(in.vm, call, 1, fn), "append", fn)
	wc, err := in.files.Create(p, appendTo)
	if err != nil {
		in.throw(err, "open", p)
	}
	bf := NewBufferedFile(wc)
	in.streams.Add(bf, p)
	w := in.vm.NewObject()
	write := func(call goja.FunctionCall, name string, newline bool) goja.Value {
		if bf.Closed() && bf.err == nil {
			panic(CodedError(in.vm, "ERR_STREAM_WRITE_AFTER_END", "writer."+name+": write after close to '"+p+"'"))
		}
		var err error
		if v := call.Argument(0); goja.IsString(v) || !isObject(v) {
			s := ""
			if !bindings.IsNullish(v) {
				s = v.String()
			} else if !newline {
				panic(in.vm.NewTypeError("writer.write: data must be a string or bytes, got %s", bindings.Describe(v)))
			}
			if newline {
				s += "\n"
			}
			_, err = bf.WriteString(s)
		} else {
			_, err = bf.Write(dataBytes(in.vm, v, "utf8", "writer."+name))
			if err == nil && newline {
				_, err = bf.WriteString("\n")
			}
		}
		if err != nil {
			in.streams.Remove(bf)
			bf.err = nil
			in.throw(err, "write", p)
		}
		return call.This
	}
	_ = w.Set("write", func(call goja.FunctionCall) goja.Value { return write(call, "write", false) })
	_ = w.Set("writeLine", func(call goja.FunctionCall) goja.Value { return write(call, "writeLine", true) })
	_ = w.Set("close", func(goja.FunctionCall) goja.Value {
		in.streams.Remove(bf)
		if err := bf.Close(); err != nil {
			in.throw(err, "write", p)
		}
		return goja.Undefined()
	})
	_ = w.Set("path", p)
	return w
}
