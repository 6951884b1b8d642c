package jscsv

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// writeConfig is what csv.stringify and csv.writer accept:
//
//	columns   the columns in order: names, dotted paths into nested objects
//	          ("queue.title"), or {key, header} to give a column its own header; default:
//	          the keys of the first row
//	header    write a header row (default true; arrays as rows get one only when columns
//	          are given)
//	delimiter one character (default ",")
//	crlf      end lines with "\r\n" instead of "\n"
//	bom       start with a UTF-8 byte order mark (Excel wants one to read UTF-8)
//	append    (csv.writer only) append to the file; no header or BOM is written when it
//	          already has content
//	escapeFormulas  put "'" in front of cells a spreadsheet would run as formulas (see
//	          escapeFormula)
type writeConfig struct {
	columns   []column
	header    bool
	delimiter rune
	crlf      bool
	bom       bool
	appendTo  bool
	// escapeFormulas is the escapeFormulas option.
	escapeFormulas bool
}

// column is one output column: where its value comes from and what heads it.
type column struct {
	header string
	key    string   // the whole key, tried first (a record may hold "queue.title" itself)
	path   []string // the key split at dots, tried when the whole key is absent
}

func newColumn(key, header string) column {
	c := column{header: header, key: key}
	if strings.Contains(key, ".") {
		c.path = strings.Split(key, ".")
	}
	return c
}

func writeOptions(vm *goja.Runtime, v goja.Value, fn string) writeConfig {
	o := newOptions(vm, v, fn)
	c := writeConfig{
		header:    o.bool("header", true),
		delimiter: o.char("delimiter", ','),
		crlf:      o.bool("crlf", false),
		bom:       o.bool("bom", false),
		appendTo:  o.bool("append", false),
	}
	c.escapeFormulas = o.bool("escapeFormulas", false)
	if c.delimiter == '"' {
		o.fail("delimiter", `different from the quote character '"'`, o.get("delimiter"))
	}
	cols := o.get("columns")
	if cols == nil {
		return c
	}
	arr, ok := cols.(*goja.Object)
	if !ok || arr.ClassName() != "Array" {
		o.fail("columns", "an array", cols)
	}
	n := bindings.ArrayLength(vm, arr, fn+": option columns")
	c.columns = make([]column, 0, n)
	for i := 0; i < n; i++ {
		e := arr.Get(strconv.Itoa(i))
		name := "columns[" + strconv.Itoa(i) + "]"
		if goja.IsString(e) {
			c.columns = append(c.columns, newColumn(e.String(), e.String()))
			continue
		}
		eo, ok := e.(*goja.Object)
		if !ok || !goja.IsString(eo.Get("key")) {
			o.fail(name, `a string or {key, header}`, e)
		}
		key := eo.Get("key").String()
		header := key
		if h := eo.Get("header"); h != nil && !goja.IsUndefined(h) {
			if !goja.IsString(h) {
				o.fail(name+".header", "a string", h)
			}
			header = h.String()
		}
		c.columns = append(c.columns, newColumn(key, header))
	}
	return c
}

// rowWriter writes JavaScript rows as CSV records.
type rowWriter struct {
	vm         *goja.Runtime
	cw         *csv.Writer
	cfg        writeConfig
	fn         string
	stringify  goja.Callable // JSON.stringify, for objects in cells
	headerDone bool
	rec        []string
	count      int
}

func newRowWriter(in *instance, cw *csv.Writer, cfg writeConfig, fn string) *rowWriter {
	cw.Comma = cfg.delimiter
	cw.UseCRLF = cfg.crlf
	return &rowWriter{vm: in.vm, cw: cw, cfg: cfg, fn: fn, stringify: in.stringify}
}

// writeHeader writes the header row if one is due and not yet written.
func (w *rowWriter) writeHeader() error {
	if w.headerDone {
		return nil
	}
	w.headerDone = true
	if !w.cfg.header || len(w.cfg.columns) == 0 {
		return nil
	}
	w.rec = w.rec[:0]
	for _, c := range w.cfg.columns {
		w.rec = append(w.rec, c.header)
	}
	return w.writeRecord()
}

// write writes one row (an object or an array); it throws on a row of another kind.
func (w *rowWriter) write(v goja.Value) error {
	row, ok := v.(*goja.Object)
	if !ok {
		panic(w.vm.NewTypeError("%s: row %d must be an object or an array, got %s", w.fn, w.count+1, bindings.Describe(v)))
	}
	isArray := row.ClassName() == "Array"
	if !w.headerDone && w.cfg.columns == nil && !isArray {
		for _, k := range row.Keys() {
			w.cfg.columns = append(w.cfg.columns, column{header: k, key: k})
		}
	}
	if err := w.writeHeader(); err != nil {
		return err
	}
	w.rec = w.rec[:0]
	if isArray {
		n := bindings.ArrayLength(w.vm, row, w.fn+": row "+strconv.Itoa(w.count+1))
		for i := 0; i < n; i++ {
			w.rec = append(w.rec, w.cell(row.Get(strconv.Itoa(i))))
		}
	} else {
		for _, c := range w.cfg.columns {
			w.rec = append(w.rec, w.cell(w.lookup(row, c)))
		}
	}
	w.count++
	return w.writeRecord()
}

// writeRecord writes w.rec, its formulas escaped when the options ask for it.
func (w *rowWriter) writeRecord() error {
	if w.cfg.escapeFormulas {
		for i, s := range w.rec {
			w.rec[i] = escapeFormula(s)
		}
	}
	return w.cw.Write(w.rec)
}

// lookup finds a column's value in row: the whole key, else the dotted path.
func (w *rowWriter) lookup(row *goja.Object, c column) goja.Value {
	v := row.Get(c.key)
	if c.path == nil || (v != nil && !goja.IsUndefined(v)) {
		return v
	}
	cur := row
	for i, k := range c.path {
		v = cur.Get(k)
		if i == len(c.path)-1 {
			return v
		}
		o, ok := v.(*goja.Object)
		if !ok {
			return nil
		}
		cur = o
	}
	return nil
}

// cell formats a value for a CSV field: "" for undefined and null, strings as they are,
// numbers and booleans as JavaScript prints them, Dates in ISO 8601, other objects as
// JSON.
func (w *rowWriter) cell(v goja.Value) string {
	if bindings.IsNullish(v) {
		return ""
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	if o.ClassName() == "Date" {
		if iso, ok := goja.AssertFunction(o.Get("toISOString")); ok {
			if s, err := iso(o); err == nil {
				return s.String()
			}
		}
	}
	s, err := w.stringify(goja.Undefined(), o)
	if err != nil {
		panic(err)
	}
	if s == nil || goja.IsUndefined(s) {
		return ""
	}
	return s.String()
}

// eachRow calls fn for every element of rows: an array, or any iterable (a generator,
// an fs.lines or csv.reader stream, a daktela iteration). If fn throws, the iterator's
// return() is called so that streams close.
func eachRow(vm *goja.Runtime, rows goja.Value, fn string, each func(goja.Value)) {
	o, ok := rows.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("%s: rows must be an array or an iterable, got %s", fn, bindings.Describe(rows)))
	}
	if o.ClassName() == "Array" {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			each(o.Get(strconv.Itoa(i)))
		}
		return
	}
	mk, ok := goja.AssertFunction(o.GetSymbol(goja.SymIterator))
	if !ok {
		panic(vm.NewTypeError("%s: rows must be an array or an iterable, got %s", fn, bindings.Describe(rows)))
	}
	itv, err := mk(o)
	if err != nil {
		panic(err)
	}
	it := itv.ToObject(vm)
	next, ok := goja.AssertFunction(it.Get("next"))
	if !ok {
		panic(vm.NewTypeError("%s: the rows' iterator has no next()", fn))
	}
	done := false
	defer func() {
		if done {
			return
		}
		if ret, ok := goja.AssertFunction(it.Get("return")); ok {
			_, _ = ret(it)
		}
	}()
	for {
		r, err := next(it)
		if err != nil {
			done = true // the iterator failed itself; it is not ours to close
			panic(err)
		}
		ro := r.ToObject(vm)
		if ro.Get("done").ToBoolean() {
			done = true
			return
		}
		each(ro.Get("value"))
	}
}
