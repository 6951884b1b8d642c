package jsrecords

import (
	"encoding/binary"
	"sort"
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/daktela/rawjson"
)

// shape is the key list shared by records with the same members in the same order.
type shape struct {
	keys     []string         // unique keys in JavaScript order; never changed
	index    map[string]int32 // key → slot
	rawKeys  []string         // each member's key bytes as sent (between the quotes)
	words    []keyWords       // each member's first 16 key bytes as words, for fill
	slotOf   []int32          // each member's slot (a duplicate key reuses the first one's)
	children []*shape         // last shape seen for an object value at each slot
	memo     []strMemo        // last short string value converted at each slot
}

// fill reports whether object node n has exactly the members of s, in order, and when it
// does, has set nodes[slot] to each slot's value node (the last one for a duplicate key).
// nodes may be nil to only check; on a mismatch its contents are unspecified.
//
// Keys are compared in place without a call per key: up to 16 bytes as two machine words
// read straight from the document, longer ones as strings.
func (s *shape) fill(ix *rawjson.Index, n int, nodes []int32) bool {
	data := ix.Data()
	m := 0
	for k, end := n+1, ix.End(n); k < end; k = ix.Next(k + 1) {
		if m >= len(s.rawKeys) {
			return false
		}
		raw, want := ix.RawString(k), s.rawKeys[m]
		if len(raw) != len(want) {
			return false
		}
		if off := ix.Offset(k) + 1; len(want) <= 16 && off+16 <= len(data) {
			w := &s.words[m]
			lo := binary.LittleEndian.Uint64(data[off:])
			hi := binary.LittleEndian.Uint64(data[off+8:])
			if lo&w.loMask != w.lo || hi&w.hiMask != w.hi {
				return false
			}
		} else if string(raw) != want {
			return false
		}
		if nodes != nil {
			nodes[s.slotOf[m]] = int32(k + 1)
		}
		m++
	}
	return m == len(s.rawKeys)
}

// keyWords is a key's first 16 bytes as two little-endian words, zero-padded, with the
// masks that keep only the key's bytes of the words read from a document.
type keyWords struct{ lo, hi, loMask, hiMask uint64 }

func newKeyWords(key string) keyWords {
	var b, mask [16]byte
	copy(b[:], key)
	for i := 0; i < len(key) && i < len(mask); i++ {
		mask[i] = 0xff
	}
	le := binary.LittleEndian
	return keyWords{le.Uint64(b[:8]), le.Uint64(b[8:]), le.Uint64(mask[:8]), le.Uint64(mask[8:])}
}

// newShape builds the shape of object node n.
func newShape(ix *rawjson.Index, n int) *shape {
	s := &shape{index: make(map[string]int32)}
	var order []string
	for k, end := n+1, ix.End(n); k < end; k = ix.Next(k + 1) {
		raw := string(ix.RawString(k))
		s.rawKeys = append(s.rawKeys, raw)
		s.words = append(s.words, newKeyWords(raw))
		key := strings.Clone(ix.String(k))
		if _, dup := s.index[key]; !dup {
			s.index[key] = -1
			order = append(order, key)
		}
	}
	s.keys = jsOrder(order)
	for i, key := range s.keys {
		s.index[key] = int32(i)
	}
	s.slotOf = make([]int32, len(s.rawKeys))
	m := 0
	for k, end := n+1, ix.End(n); k < end; k = ix.Next(k + 1) {
		s.slotOf[m] = s.index[ix.String(k)]
		m++
	}
	s.children = make([]*shape, len(s.keys))
	s.memo = make([]strMemo, len(s.keys))
	return s
}

// jsOrder returns keys in the order JavaScript gives an object's own string keys:
// array indexes ascending, then the other keys in insertion order. keys is reused.
func jsOrder(keys []string) []string {
	first := 0
	for _, k := range keys {
		if isArrayIndex(k) {
			first++
		}
	}
	if first == 0 {
		return keys
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if isArrayIndex(k) {
			out = append(out, k)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := strconv.ParseUint(out[i], 10, 32)
		b, _ := strconv.ParseUint(out[j], 10, 32)
		return a < b
	})
	for _, k := range keys {
		if !isArrayIndex(k) {
			out = append(out, k)
		}
	}
	return out
}

// isArrayIndex reports whether k is the canonical form of an integer in [0, 2^32-2],
// which JavaScript orders before other keys.
func isArrayIndex(k string) bool {
	if len(k) == 0 || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	var v uint64
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c < '0' || c > '9' {
			return false
		}
		v = v*10 + uint64(c-'0')
	}
	return v < 1<<32-1
}

// insertKey returns a new key list with key added where JavaScript puts a new property.
func insertKey(keys []string, key string) []string {
	out := make([]string, 0, len(keys)+1)
	if !isArrayIndex(key) {
		return append(append(out, keys...), key)
	}
	kv, _ := strconv.ParseUint(key, 10, 32)
	i := 0
	for ; i < len(keys) && isArrayIndex(keys[i]); i++ {
		if v, _ := strconv.ParseUint(keys[i], 10, 32); v > kv {
			break
		}
	}
	out = append(out, keys[:i]...)
	out = append(out, key)
	return append(out, keys[i:]...)
}

// removeKey returns a new key list without key.
func removeKey(keys []string, key string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if k != key {
			out = append(out, k)
		}
	}
	return out
}
