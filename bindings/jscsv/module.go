// Package jscsv is the csv JavaScript module: parse CSV text or files into objects,
// stream large files row by row, and write CSV from objects with a chosen column order,
// as a string or streamed to a file. It is built on Go's encoding/csv.
//
// Scripts get it with require("csv") when the host grants file access (the dkscript CLI
// does; embedders add it to runtime.Options.Modules themselves).
//
//	const csv = require("csv");
//	csv.parse(text, {header: true, delimiter: ";"})   // → [{name: "Ann", phone: "…"}, …]
//	csv.parseFile("in.csv")                           // the same, from a file
//	for (const {line, record} of csv.reader("in.csv")) { … }   // one row at a time
//	csv.stringify(rows, {columns: ["name", "queue.title"]})    // → "name,queue.title\n…"
//	const w = csv.writer("out.csv", {columns: ["name"]}); w.write(row); w.close();
//
// Reading: files are UTF-8 unless {encoding} names another ("windows-1250", "utf-16",
// ... see [charsets]); bytes that are not UTF-8 make the row an error naming the file
// and line, so a mis-encoded file is never imported garbled. A leading byte order mark
// is dropped. With header
// (the default) the first row names the columns and rows are objects whose values are
// all strings; with header: false rows are arrays of strings. Line ends may be "\n" or
// "\r\n"; quoted fields may hold delimiters, quotes ("") and line breaks. A broken row
// (a stray quote, the wrong number of fields) throws an Error naming the file and the
// line the row starts on, e.g. "import.csv:17: wrong number of fields (expected 4, got
// 5)", with properties code "ERR_CSV_PARSE", line, file and (for quoting errors) column.
//
// csv.reader(path, opts) yields {line, record} for each row, record being what parse
// would give, line the file line the row starts on, so an import can report "line 17:
// …". With {errors: "yield"} a broken row is yielded as {line, error} (error is the
// reason without the location) and reading goes on with the next row. The file is
// closed at the end, on break, and on error.
//
// Writing: values are written as strings; undefined and null as empty fields, Dates in
// ISO 8601, nested objects as JSON. Fields are quoted when they need it. csv.writer
// buffers and must be closed (use finally); its memory stays flat however many rows go
// through it.
//
// See [readConfig] and [writeConfig] for every option.
package jscsv

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/bindings/jsfs"
	"github.com/dop251/goja"
)

// Options configure the csv module.
type Options struct {
	// BaseDir is the directory relative paths are resolved against. Empty means the
	// process's working directory when the module is instantiated.
	BaseDir string
}

// New returns the csv module.
func New(opts Options) bindings.Module { return &module{opts: opts} }

type module struct{ opts Options }

// UsesFiles reports that the module reads and writes files: a runtime loads it only
// with the FileAccess capability.
func (m *module) UsesFiles() bool { return true }

// Name returns "csv".
func (m *module) Name() string { return "csv" }

// Instantiate builds the module's exports for one runtime.
func (m *module) Instantiate(h bindings.Host) (goja.Value, error) {
	base, err := jsfs.BaseDir(m.opts.BaseDir)
	if err != nil {
		return nil, fmt.Errorf("csv module: %w", err)
	}
	vm := h.VM()
	stringify, ok := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	if !ok {
		return nil, errors.New("csv module: JSON.stringify is missing")
	}
	in := &instance{vm: vm, h: h, files: jsfs.Files{Base: base, Host: h}, streams: jsfs.NewStreams(h), stringify: stringify}
	o := vm.NewObject()
	_ = o.Set("parse", in.parse)
	_ = o.Set("parseFile", in.parseFile)
	_ = o.Set("reader", in.reader)
	_ = o.Set("stringify", in.stringifyRows)
	_ = o.Set("writer", in.writer)
	return o, nil
}

type instance struct {
	vm        *goja.Runtime
	h         bindings.Host
	files     jsfs.Files
	streams   *jsfs.Streams
	stringify goja.Callable
}

func (in *instance) pathArg(call goja.FunctionCall, fn string) string {
	v := call.Argument(0)
	if !goja.IsString(v) || v.String() == "" {
		panic(in.vm.NewTypeError("%s: path must be a non-empty string, got %s", fn, bindings.Describe(v)))
	}
	return v.String()
}

// readAll reads every row of rr into an array, throwing at the first broken row.
func (in *instance) readAll(rr *rowReader, fn, path string) goja.Value {
	var rows []any
	for {
		rec, _, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			in.throwRead(rr, err, fn, path)
		}
		rows = append(rows, rr.value(rec))
	}
	return in.vm.NewArray(rows...)
}

func (in *instance) throwRead(rr *rowReader, err error, fn, path string) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		panic(rr.parseError(fn, pe))
	}
	if errors.Is(err, bindings.ErrTooLarge) {
		e, jerr := in.vm.New(in.vm.Get("RangeError"), in.vm.ToValue(fmt.Sprintf("%s: %s: %v", fn, path, err)))
		if jerr != nil {
			panic(jerr)
		}
		panic(e)
	}
	panic(jsfs.NodeError(in.vm, err, "read", path))
}

func (in *instance) parse(call goja.FunctionCall) goja.Value {
	const fn = "csv.parse"
	v := call.Argument(0)
	if !goja.IsString(v) {
		panic(in.vm.NewTypeError("%s: text must be a string, got %s", fn, bindings.Describe(v)))
	}
	cfg := readOptions(in.vm, call.Argument(1), fn)
	if cfg.charset != "" {
		panic(in.vm.NewTypeError("%s: option encoding applies to files (parseFile, reader); text is already decoded", fn))
	}
	text := strings.TrimPrefix(v.String(), "\uFEFF")
	return in.readAll(newRowReader(in.vm, strings.NewReader(text), cfg, ""), fn, "")
}

// open opens path for reading, decoded from charset, past a byte order mark.
func (in *instance) open(path, charset string) (io.ReadCloser, *bufio.Reader) {
	rc, err := in.files.Open(path)
	if err != nil {
		panic(jsfs.NodeError(in.vm, err, "open", path))
	}
	br := bufio.NewReaderSize(bindings.LineLimitReader(decoding(rc, charset), int(bindings.MaxReadBytes())), 64<<10)
	if err := jsfs.SkipBOM(br); err != nil {
		_ = rc.Close()
		panic(jsfs.NodeError(in.vm, err, "read", path))
	}
	return rc, br
}

func (in *instance) parseFile(call goja.FunctionCall) goja.Value {
	const fn = "csv.parseFile"
	path := in.pathArg(call, fn)
	cfg := readOptions(in.vm, call.Argument(1), fn)
	rc, br := in.open(path, cfg.charset)
	defer rc.Close()
	return in.readAll(newRowReader(in.vm, br, cfg, path), fn, path)
}

func (in *instance) reader(call goja.FunctionCall) goja.Value {
	const fn = "csv.reader"
	path := in.pathArg(call, fn)
	cfg := readOptions(in.vm, call.Argument(1), fn)
	rc, br := in.open(path, cfg.charset)
	closer := &onceCloser{c: rc}
	in.streams.Add(closer, path)
	rr := newRowReader(in.vm, br, cfg, path)
	stop := func() {
		in.streams.Remove(closer)
		_ = closer.Close()
	}
	next := func() (goja.Value, bool) {
		if closer.closed {
			return nil, true
		}
		if err := in.h.Context().Err(); err != nil {
			stop()
			panic(in.vm.NewGoError(err))
		}
		rec, line, err := rr.next()
		if err == io.EOF {
			return nil, true
		}
		item := in.vm.NewObject()
		if err != nil {
			var pe *csv.ParseError
			if !cfg.yieldErrors || !errors.As(err, &pe) {
				stop()
				in.throwRead(rr, err, fn, path)
			}
			_ = item.Set("line", line)
			_ = item.Set("error", pe.Err.Error())
			return item, false
		}
		_ = item.Set("line", line)
		_ = item.Set("record", rr.value(rec))
		return item, false
	}
	return jsfs.NewIterator(in.vm, next, stop)
}

// onceCloser closes c once.
type onceCloser struct {
	c      io.Closer
	closed bool
}

func (o *onceCloser) Close() error {
	if o.closed {
		return nil
	}
	o.closed = true
	return o.c.Close()
}

func (in *instance) stringifyRows(call goja.FunctionCall) goja.Value {
	const fn = "csv.stringify"
	cfg := writeOptions(in.vm, call.Argument(1), fn)
	var sb strings.Builder
	if cfg.bom {
		sb.WriteString("\uFEFF")
	}
	cw := csv.NewWriter(&sb)
	w := newRowWriter(in, cw, cfg, fn)
	eachRow(in.vm, call.Argument(0), fn, func(row goja.Value) {
		_ = w.write(row) // a strings.Builder does not fail
	})
	_ = w.writeHeader()
	cw.Flush()
	return in.vm.ToValue(sb.String())
}

func (in *instance) writer(call goja.FunctionCall) goja.Value {
	const fn = "csv.writer"
	path := in.pathArg(call, fn)
	cfg := writeOptions(in.vm, call.Argument(1), fn)
	fresh := true
	if cfg.appendTo && path != jsfs.Stdout && path != jsfs.Stderr {
		if fi, err := os.Stat(in.files.Resolve(path)); err == nil && fi.Size() > 0 {
			fresh = false
		}
	}
	wc, err := in.files.Create(path, cfg.appendTo)
	if err != nil {
		panic(jsfs.NodeError(in.vm, err, "open", path))
	}
	f := &csvFile{wc: wc, bw: bufio.NewWriterSize(wc, 64<<10)}
	in.streams.Add(f, path)
	f.cw = csv.NewWriter(f.bw)
	w := newRowWriter(in, f.cw, cfg, "writer.write")
	f.finish = w.writeHeader
	if !fresh {
		w.headerDone = true
	} else if cfg.bom {
		_, _ = f.bw.WriteString("\uFEFF")
	}
	fail := func(err error) {
		in.streams.Remove(f)
		f.abort()
		panic(jsfs.NodeError(in.vm, err, "write", path))
	}
	check := func(method string) {
		if f.closed {
			e := newError(in.vm, fmt.Sprintf("writer.%s: write after close to '%s'", method, path))
			_ = e.Set("code", "ERR_STREAM_WRITE_AFTER_END")
			panic(e)
		}
	}
	o := in.vm.NewObject()
	_ = o.Set("write", func(call goja.FunctionCall) goja.Value {
		check("write")
		if err := w.write(call.Argument(0)); err != nil {
			fail(err)
		}
		return call.This
	})
	_ = o.Set("writeAll", func(call goja.FunctionCall) goja.Value {
		check("writeAll")
		eachRow(in.vm, call.Argument(0), "writer.writeAll", func(row goja.Value) {
			if err := w.write(row); err != nil {
				fail(err)
			}
		})
		return call.This
	})
	_ = o.Set("close", func(goja.FunctionCall) goja.Value {
		if f.closed {
			return goja.Undefined()
		}
		in.streams.Remove(f)
		if err := f.Close(); err != nil {
			panic(jsfs.NodeError(in.vm, err, "write", path))
		}
		return goja.Undefined()
	})
	_ = o.DefineAccessorProperty("count", in.vm.ToValue(func(goja.FunctionCall) goja.Value {
		return in.vm.ToValue(w.count)
	}), nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = o.Set("path", path)
	return o
}

// csvFile is the file under a csv.writer: csv.Writer over a 64 KiB buffer.
type csvFile struct {
	wc     io.WriteCloser
	bw     *bufio.Writer
	cw     *csv.Writer
	closed bool
	// finish writes what is still due before the flush (the header of a writer that
	// got no rows), so closing at the end of a run writes the same file as close().
	finish func() error
}

// Close writes what is still due, then flushes and closes the file once.
func (f *csvFile) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	var err error
	if f.finish != nil {
		err = f.finish()
	}
	f.cw.Flush()
	if ferr := f.cw.Error(); err == nil {
		err = ferr
	}
	if cerr := f.wc.Close(); err == nil {
		err = cerr
	}
	return err
}

// abort closes the file after a failed write, without flushing.
func (f *csvFile) abort() {
	if !f.closed {
		f.closed = true
		_ = f.wc.Close()
	}
}
