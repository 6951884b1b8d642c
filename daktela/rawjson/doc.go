// Package rawjson is a fast, validating JSON scanner that indexes a document without
// building a tree of Go values.
//
// [Parse] checks a document against RFC 8259 (exactly what encoding/json accepts) and
// returns an [Index]: one flat slice of nodes, sized once from the input, each holding only
// byte offsets into the document (no pointers, so the garbage collector never scans it).
// A node is a value or an object key, 12 bytes (byte span, kind, flags and how many nodes
// its subtree spans), so a page's index is about 1.3 times the page; containers know where
// their subtree ends, so members and elements are walked without touching the bytes again.
// The span has 24 bits: the rare container spanning 16 777 215 nodes or more (a document
// of some 100 MB) keeps its end in a small side table, so documents up to [MaxSize] work.
//
// Values are read on demand: [Index.Raw] gives a value's bytes, [Index.String] unquotes a
// string (no copy when there is nothing to unescape), [Index.Float] parses a number exactly
// as strconv.ParseFloat does, [Index.Lookup] finds a key (the last duplicate wins, as in
// JavaScript and encoding/json).
//
// An Index never changes after Parse returns, so it may be built on one goroutine and read
// on others. It keeps the document alive and reads it in place: do not modify the document
// while the Index is in use.
package rawjson
