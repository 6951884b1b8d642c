package jscsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// readConfig is what the parse functions and csv.reader accept:
//
//	header           first row names the columns, rows become objects (default true)
//	columns          names for the columns; rows become objects (with header: true the
//	                 file's own header row is skipped)
//	delimiter        one character (default ",")
//	quote            only '"' (encoding/csv supports no other quote character)
//	lazyQuotes       accept quotes inside unquoted fields and stray quotes in quoted ones
//	trim             drop leading spaces of fields
//	comment          lines starting with this character are skipped
//	relaxColumnCount rows may have fewer or more fields than the header: missing ones are
//	                 "" and extra ones dropped (objects) or kept (arrays)
//	errors           "throw" (default) or "yield": csv.reader gives a broken row as
//	                 {line, error} and goes on (parse and parseFile always throw)
//	encoding         (files only) "utf8" (default; bytes that are not UTF-8 make the row
//	                 an error), or one of [charsets], e.g. "windows-1250"
type readConfig struct {
	header, headerSet bool
	columns           []string
	delimiter         rune
	lazyQuotes        bool
	trim              bool
	comment           rune
	relax             bool
	yieldErrors       bool
	charset           string // "" for UTF-8
}

func readOptions(vm *goja.Runtime, v goja.Value, fn string) readConfig {
	o := newOptions(vm, v, fn)
	c := readConfig{
		header:     o.bool("header", true),
		headerSet:  o.get("header") != nil,
		columns:    o.strings("columns"),
		delimiter:  o.char("delimiter", ','),
		lazyQuotes: o.bool("lazyQuotes", false),
		trim:       o.bool("trim", false),
		comment:    o.char("comment", 0),
		relax:      o.bool("relaxColumnCount", false),
	}
	if q := o.char("quote", '"'); q != '"' {
		o.fail("quote", `'"' (the only quote character encoding/csv supports)`, o.get("quote"))
	}
	if c.delimiter == '"' || c.delimiter == c.comment {
		o.fail("delimiter", "different from the quote and comment characters", o.get("delimiter"))
	}
	switch cs := strings.ToLower(o.string("encoding", "utf8")); cs {
	case "utf8", "utf-8":
	default:
		if _, ok := charsets[cs]; !ok {
			o.fail("encoding", "one of "+charsetNames(), o.get("encoding"))
		}
		c.charset = cs
	}
	switch e := o.string("errors", "throw"); e {
	case "throw":
	case "yield":
		c.yieldErrors = true
	default:
		o.fail("errors", `"throw" or "yield"`, o.get("errors"))
	}
	return c
}

// rowReader turns CSV records into JavaScript rows: objects keyed by the column names, or
// arrays when there are none.
type rowReader struct {
	vm    *goja.Runtime
	cr    *csv.Reader
	cfg   readConfig
	file  string // the name errors give: the path as the script gave it, or "" for a string
	names []string
	begun bool
}

func newRowReader(vm *goja.Runtime, r io.Reader, cfg readConfig, file string) *rowReader {
	cr := csv.NewReader(r)
	cr.Comma = cfg.delimiter
	cr.Comment = cfg.comment
	cr.LazyQuotes = cfg.lazyQuotes
	cr.TrimLeadingSpace = cfg.trim
	cr.ReuseRecord = true
	switch {
	case cfg.relax:
		cr.FieldsPerRecord = -1
	case cfg.columns != nil:
		cr.FieldsPerRecord = len(cfg.columns)
	}
	rr := &rowReader{vm: vm, cr: cr, cfg: cfg, file: file}
	if cfg.columns != nil {
		rr.setNames(cfg.columns)
	}
	return rr
}

func (rr *rowReader) setNames(names []string) {
	rr.names = append([]string(nil), names...)
}

// next returns the next record and the line it starts on; io.EOF at the end. A
// *csv.ParseError is a broken row the reader can go on after.
func (rr *rowReader) next() ([]string, int, error) {
	if !rr.begun {
		rr.begun = true
		if rr.cfg.header {
			rec, line, err := rr.read()
			if err != nil {
				return nil, line, err
			}
			if rr.cfg.columns == nil {
				if dup := duplicate(rec); dup != "" {
					return nil, line, &csv.ParseError{StartLine: line, Line: line, Column: 1, Err: fmt.Errorf("duplicate column name %q in the header", dup)}
				}
				rr.setNames(rec)
			}
		}
	}
	return rr.read()
}

func (rr *rowReader) read() ([]string, int, error) {
	rec, err := rr.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return nil, 0, err
		}
		if errors.Is(err, csv.ErrFieldCount) {
			pe.Err = fmt.Errorf("wrong number of fields (expected %d, got %d)", rr.cr.FieldsPerRecord, len(rec))
		}
		return nil, pe.StartLine, pe
	}
	line, _ := rr.cr.FieldPos(0)
	if rr.cfg.charset == "" {
		for i, f := range rec {
			if !utf8.ValidString(f) {
				return nil, line, &csv.ParseError{StartLine: line, Line: line, Column: i + 1, Err: errNotUTF8}
			}
		}
	}
	return rec, line, nil
}

// errNotUTF8 is the error for a row whose bytes are not UTF-8.
var errNotUTF8 = errors.New(`field is not valid UTF-8 (if the file is in another encoding, pass it, e.g. {encoding: "windows-1250"}, or save the file as UTF-8)`)

func duplicate(names []string) string {
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return n
		}
		seen[n] = true
	}
	return ""
}

// value makes the JavaScript row for rec.
func (rr *rowReader) value(rec []string) goja.Value {
	if rr.names == nil {
		vals := make([]any, len(rec))
		for i, f := range rec {
			vals[i] = f
		}
		return rr.vm.NewArray(vals...)
	}
	o := rr.vm.NewObject()
	for i, k := range rr.names {
		f := ""
		if i < len(rec) {
			f = rec[i]
		}
		_ = o.Set(k, f)
	}
	return o
}

// parseError builds the JavaScript Error for a broken row: the message names the file
// (or "line N" for a string), e.g. "import.csv:17: wrong number of fields (expected 4,
// got 5)", and the Error carries code "ERR_CSV_PARSE", line, file (for files) and, for
// quoting errors, column.
func (rr *rowReader) parseError(fn string, pe *csv.ParseError) *goja.Object {
	where := fmt.Sprintf("%s: line %d", fn, pe.StartLine)
	if rr.file != "" {
		where = fmt.Sprintf("%s:%d", rr.file, pe.StartLine)
	}
	detail := pe.Err.Error()
	quoting := errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)
	if quoting {
		if pe.Line != pe.StartLine {
			detail += fmt.Sprintf(" (the field runs on to line %d, column %d)", pe.Line, pe.Column)
		} else {
			detail += fmt.Sprintf(" (column %d)", pe.Column)
		}
	}
	e := newError(rr.vm, where+": "+detail)
	_ = e.Set("code", "ERR_CSV_PARSE")
	_ = e.Set("line", pe.StartLine)
	if quoting {
		_ = e.Set("column", pe.Column)
	}
	if rr.file != "" {
		_ = e.Set("file", rr.file)
	}
	return e
}

// newError returns a plain JavaScript Error with message msg.
func newError(vm *goja.Runtime, msg string) *goja.Object {
	if ctor, ok := goja.AssertConstructor(vm.Get("Error")); ok {
		if e, err := ctor(nil, vm.ToValue(msg)); err == nil {
			return e
		}
	}
	return vm.NewGoError(errors.New(msg))
}
