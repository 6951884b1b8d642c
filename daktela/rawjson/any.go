package rawjson

import "strings"

// Value decodes node n into the generic Go form encoding/json produces for an any:
// map[string]any, []any, string, float64, bool or nil. Numbers too large for float64
// become ±Inf (encoding/json reports an error instead).
func (ix *Index) Value(n int) any {
	nd := &ix.nodes[n]
	switch nd.kind() {
	case KindNull:
		return nil
	case KindTrue:
		return true
	case KindFalse:
		return false
	case KindNumber:
		f, _ := ix.Float(n)
		return f
	case KindString, KindKey:
		return strings.Clone(ix.String(n)) // the result must not alias the document
	case KindArray:
		out := make([]any, 0, ix.Count(n))
		for e, end := n+1, ix.next(n); e < end; e = ix.next(e) {
			out = append(out, ix.Value(e))
		}
		return out
	case KindObject:
		out := make(map[string]any, ix.Count(n))
		for k, end := n+1, ix.next(n); k < end; k = ix.next(k + 1) {
			out[strings.Clone(ix.String(k))] = ix.Value(k + 1)
		}
		return out
	}
	return nil
}
