package daktelatest

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// pnode is one node of a PHP-style decoded query (what PHP builds in $_GET from
// "filter[filters][0][value][1]=x"): a leaf string, or a map of children keyed by the
// bracketed names in the order they first appeared. "a[]=x" appends under the next
// integer key, as PHP does.
type pnode struct {
	leaf   bool
	val    string
	keys   []string
	kids   map[string]*pnode
	nextIx int // next index for "[]"
}

func newPnode() *pnode { return &pnode{kids: map[string]*pnode{}} }

// get returns the child named key, or nil.
func (n *pnode) get(key string) *pnode {
	if n == nil || n.leaf {
		return nil
	}
	return n.kids[key]
}

// str returns the leaf value of child key and whether it was a leaf.
func (n *pnode) str(key string) (string, bool) {
	c := n.get(key)
	if c == nil || !c.leaf {
		return "", false
	}
	return c.val, true
}

// isList reports whether every key is an integer (a PHP list, possibly sparse).
func (n *pnode) isList() bool {
	if n == nil || n.leaf || len(n.keys) == 0 {
		return false
	}
	for _, k := range n.keys {
		if _, err := strconv.Atoi(k); err != nil {
			return false
		}
	}
	return true
}

// items returns the children of a list node ordered by their integer keys.
func (n *pnode) items() []*pnode {
	type kv struct {
		i int
		n *pnode
	}
	var tmp []kv
	for _, k := range n.keys {
		i, _ := strconv.Atoi(k)
		tmp = append(tmp, kv{i, n.kids[k]})
	}
	sort.SliceStable(tmp, func(a, b int) bool { return tmp[a].i < tmp[b].i })
	out := make([]*pnode, len(tmp))
	for i, t := range tmp {
		out[i] = t.n
	}
	return out
}

// strings returns a leaf as one string, or a list of leaves in index order.
func (n *pnode) strings() []string {
	if n == nil {
		return nil
	}
	if n.leaf {
		return []string{n.val}
	}
	var out []string
	for _, c := range n.items() {
		if c.leaf {
			out = append(out, c.val)
		}
	}
	return out
}

// set stores value at the bracket path under n.
func (n *pnode) set(path []string, value string) {
	cur := n
	for i, seg := range path {
		if cur.leaf { // "a=1&a[b]=2": PHP lets the later, deeper one win
			*cur = *newPnode()
		}
		if seg == "" {
			seg = strconv.Itoa(cur.nextIx)
		}
		if ix, err := strconv.Atoi(seg); err == nil && ix >= cur.nextIx {
			cur.nextIx = ix + 1
		}
		child, ok := cur.kids[seg]
		if !ok {
			child = newPnode()
			cur.kids[seg] = child
			cur.keys = append(cur.keys, seg)
		}
		if i == len(path)-1 {
			*child = pnode{leaf: true, val: value}
			return
		}
		cur = child
	}
}

// splitBrackets turns `filter[filters][0][field]` into ["filter","filters","0","field"].
// A name without a closing bracket is taken literally, as PHP does.
func splitBrackets(name string) []string {
	open := strings.IndexByte(name, '[')
	if open <= 0 {
		return []string{name}
	}
	parts := []string{name[:open]}
	rest := name[open:]
	for len(rest) > 0 && rest[0] == '[' {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			break
		}
		parts = append(parts, rest[1:end])
		rest = rest[end+1:]
	}
	return parts
}

// maxNesting bounds the brackets of one query or form key, as PHP's
// max_input_nesting_level (64) does: about 30 levels of nested filter groups. It keeps a
// hostile key (a filter nested 30 000 deep) from costing work and memory that grow with
// the square of its depth.
const maxNesting = 64

// parsePHPQuery decodes a query string or form body the way PHP fills $_GET/$_POST. A
// key nested deeper than maxNesting is an error.
func parsePHPQuery(raw string) (*pnode, error) {
	root := newPnode()
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("query parameter %q is not valid URL encoding", k)
		}
		val, err := url.QueryUnescape(v)
		if err != nil {
			return nil, fmt.Errorf("value of query parameter %q is not valid URL encoding", key)
		}
		if strings.Count(key, "[") > maxNesting {
			name, _, _ := strings.Cut(key, "[")
			return nil, fmt.Errorf("query parameter %q is nested more than %d levels deep (a filter that deep is refused)", name, maxNesting)
		}
		root.set(splitBrackets(key), val)
	}
	return root, nil
}

// toAny converts a node to plain Go values: string, []any for lists, map[string]any.
func (n *pnode) toAny() any {
	if n.leaf {
		return n.val
	}
	if n.isList() {
		items := n.items()
		out := make([]any, len(items))
		for i, c := range items {
			out[i] = c.toAny()
		}
		return out
	}
	m := make(map[string]any, len(n.keys))
	for _, k := range n.keys {
		m[k] = n.kids[k].toAny()
	}
	return m
}
