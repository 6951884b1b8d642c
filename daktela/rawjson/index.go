package rawjson

import (
	"strconv"
	"unsafe"
)

// Kind is the type of a node.
type Kind uint8

// The node kinds. KindKey marks an object key; it is always followed by its value.
const (
	KindInvalid Kind = iota
	KindNull
	KindFalse
	KindTrue
	KindNumber
	KindString
	KindObject
	KindArray
	KindKey
)

var kindNames = [...]string{"invalid", "null", "false", "true", "number", "string", "object", "array", "key"}

// String returns the kind's name ("object", "number", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

const (
	flagEscape   = 1 << iota // string or key: has a backslash escape
	flagNonASCII             // string or key: has a byte >= 0x80
	flagFloat                // number: has a fraction or an exponent
	flagNeg                  // number: starts with '-'
)

// node is one value or key in 12 bytes: its byte span, its kind and flags, and how many
// nodes its subtree spans (1 for scalars and keys).
type node struct {
	start, end uint32 // value bytes are data[start:end] (strings include the quotes)
	meta       uint32 // kind (4 bits) | flags (4 bits) | span (24 bits)
}

const (
	spanBits = 24
	spanMask = 1<<spanBits - 1
	// farSpan marks a container whose subtree spans spanMask nodes or more (a document of
	// some 16 million values): its next node is kept in Index.far instead.
	farSpan = spanMask
)

func (nd *node) kind() Kind   { return Kind(nd.meta >> 28) }
func (nd *node) flags() uint8 { return uint8(nd.meta>>spanBits) & 0xf }
func (nd *node) span() uint32 { return nd.meta & spanMask }
func packMeta(k Kind, flags uint8, span uint32) uint32 {
	return uint32(k)<<28 | uint32(flags&0xf)<<spanBits | span
}

// Index is the parsed form of a JSON document: its nodes in document order. Node 0 is the
// root value. An object's node is followed by its members (key node, then the value's
// subtree), an array's node by its elements' subtrees.
type Index struct {
	data  []byte
	nodes []node
	far   map[uint32]uint32 // next node of containers spanning farSpan nodes or more
}

// next returns the node after n's subtree.
func (ix *Index) next(n int) int {
	sp := ix.nodes[n].span()
	if sp == farSpan {
		return int(ix.far[uint32(n)])
	}
	return n + int(sp)
}

// Data returns the indexed document.
func (ix *Index) Data() []byte { return ix.data }

// Len returns the number of nodes.
func (ix *Index) Len() int { return len(ix.nodes) }

// Root returns the root value's node (0).
func (ix *Index) Root() int { return 0 }

// Kind returns the kind of node n.
func (ix *Index) Kind(n int) Kind { return ix.nodes[n].kind() }

// Raw returns the bytes of node n as they appear in the document (strings and keys with
// their quotes, containers with their brackets). The slice aliases the document.
func (ix *Index) Raw(n int) []byte {
	nd := &ix.nodes[n]
	return ix.data[nd.start:nd.end:nd.end]
}

// Offset returns the byte offset at which node n starts.
func (ix *Index) Offset(n int) int { return int(ix.nodes[n].start) }

// Next returns the node that follows n's whole subtree: the next member's key or the next
// element of the enclosing container, or End(container) after the last one.
func (ix *Index) Next(n int) int { return ix.next(n) }

// First returns the first child of container n (the first key of an object, the first
// element of an array) and whether there is one.
func (ix *Index) First(n int) (int, bool) {
	return n + 1, ix.next(n) > n+1
}

// End returns the node after container n's subtree; children c of n satisfy c < End(n).
func (ix *Index) End(n int) int { return ix.next(n) }

// Count returns the number of members of an object or elements of an array (0 for other
// kinds).
func (ix *Index) Count(n int) int {
	switch ix.nodes[n].kind() {
	case KindObject:
		c := 0
		for k, end := n+1, ix.next(n); k < end; k = ix.next(k + 1) {
			c++
		}
		return c
	case KindArray:
		c := 0
		for e, end := n+1, ix.next(n); e < end; e = ix.next(e) {
			c++
		}
		return c
	}
	return 0
}

// Members calls fn for each member of object n in document order with the key's node and
// the value's node, until fn returns false.
func (ix *Index) Members(n int, fn func(key, val int) bool) {
	for k, end := n+1, ix.next(n); k < end; k = ix.next(k + 1) {
		if !fn(k, k+1) {
			return
		}
	}
}

// Elements calls fn for each element of array n in order, until fn returns false.
func (ix *Index) Elements(n int, fn func(i, val int) bool) {
	i := 0
	for e, end := n+1, ix.next(n); e < end; e = ix.next(e) {
		if !fn(i, e) {
			return
		}
		i++
	}
}

// Lookup returns the value node of key in object n. When the key occurs more than once
// the last occurrence wins, as in JavaScript and encoding/json.
func (ix *Index) Lookup(n int, key string) (int, bool) {
	found := -1
	for k, end := n+1, ix.next(n); k < end; k = ix.next(k + 1) {
		if ix.KeyEquals(k, key) {
			found = k + 1
		}
	}
	return found, found >= 0
}

// KeyEquals reports whether string or key node n, unquoted, equals s; it does not allocate
// when n has no escapes.
func (ix *Index) KeyEquals(n int, s string) bool {
	nd := &ix.nodes[n]
	raw := ix.data[nd.start+1 : nd.end-1]
	if nd.flags()&flagEscape == 0 {
		return string(raw) == s
	}
	u, _ := Unquote(ix.data[nd.start:nd.end])
	return u == s
}

// HasEscapes reports whether string or key node n contains a backslash escape.
func (ix *Index) HasEscapes(n int) bool { return ix.nodes[n].flags()&flagEscape != 0 }

// IsASCII reports whether string or key node n is pure ASCII in the document (escapes
// may still decode to other characters).
func (ix *Index) IsASCII(n int) bool { return ix.nodes[n].flags()&flagNonASCII == 0 }

// IsInt reports whether number node n has neither a fraction nor an exponent.
func (ix *Index) IsInt(n int) bool { return ix.nodes[n].flags()&flagFloat == 0 }

// String returns the unquoted text of string or key node n, decoded as encoding/json does
// (invalid UTF-8 and unpaired surrogates become U+FFFD). Without escapes the result aliases
// the document and costs no allocation.
func (ix *Index) String(n int) string {
	nd := &ix.nodes[n]
	if nd.flags()&flagEscape == 0 {
		raw := ix.data[nd.start+1 : nd.end-1]
		if nd.flags()&flagNonASCII == 0 || validUTF8(raw) {
			return unsafe.String(unsafe.SliceData(raw), len(raw))
		}
	}
	s, _ := Unquote(ix.data[nd.start:nd.end])
	return s
}

// RawString returns the bytes between the quotes of string or key node n, undecoded.
func (ix *Index) RawString(n int) []byte {
	nd := &ix.nodes[n]
	return ix.data[nd.start+1 : nd.end-1 : nd.end-1]
}

// Float returns number node n as strconv.ParseFloat(text, 64) would, including its
// rounding, ±Inf with a range error for numbers too large, and -0.
func (ix *Index) Float(n int) (float64, error) {
	return ParseNumber(ix.Raw(n))
}

// Int returns number node n as an int64 when it is an integer (no fraction, no exponent)
// of at most 18 digits, not -0; ok is false otherwise.
func (ix *Index) Int(n int) (v int64, ok bool) {
	nd := &ix.nodes[n]
	if nd.flags()&flagFloat != 0 {
		return 0, false
	}
	return parseSmallInt(ix.data[nd.start:nd.end])
}

// Bool returns true for a true node.
func (ix *Index) Bool(n int) bool { return ix.nodes[n].kind() == KindTrue }
