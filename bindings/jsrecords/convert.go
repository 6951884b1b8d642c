package jsrecords

import (
	"strings"
	"unsafe"

	"github.com/dkscript/dkscript/daktela/rawjson"
	"github.com/dop251/goja"
)

// converter turns index nodes into JS values for one runtime, sharing shapes and slot
// memory between the objects it makes (one per list or value handed to JS).
type converter struct {
	vm        *goja.Runtime
	shapes    map[string]*shape
	recent    [4]*shape // recently made shapes, checked before the map
	nrecent   int
	lastShape *shape       // shape of the last top-level record
	nodes     []int32      // a block that field tables are carved from
	vals      []goja.Value // a block that cached-value tables are carved from
	views     []view       // a block that nested views are carved from
	sig       []byte
}

const viewBlock = 256

// newView returns a view carved from a shared block (fewer, larger allocations).
func (c *converter) newView(ix *rawjson.Index, n int, parent *shape, slot int32) *view {
	if len(c.views) == cap(c.views) {
		c.views = make([]view, 0, viewBlock)
	}
	c.views = c.views[:len(c.views)+1]
	v := &c.views[len(c.views)-1]
	*v = view{c: c, ix: ix, node: int32(n), parent: parent, parentSlot: slot}
	return v
}

func newConverter(vm *goja.Runtime) *converter {
	return &converter{vm: vm}
}

const (
	nodeBlock = 8192
	valBlock  = 1024
)

// allocNodes returns a field table of n slots carved from a shared block (its capacity
// cut at n, so appending copies it out).
func (c *converter) allocNodes(n int) []int32 {
	if n > nodeBlock/8 {
		return make([]int32, n)
	}
	if len(c.nodes)+n > cap(c.nodes) {
		c.nodes = make([]int32, 0, nodeBlock)
	}
	l := len(c.nodes)
	c.nodes = c.nodes[:l+n]
	return c.nodes[l : l+n : l+n]
}

// allocVals returns n nil values carved from a shared block, as allocNodes.
func (c *converter) allocVals(n int) []goja.Value {
	if n > valBlock/8 {
		return make([]goja.Value, n)
	}
	if len(c.vals)+n > cap(c.vals) {
		c.vals = make([]goja.Value, 0, valBlock)
	}
	l := len(c.vals)
	c.vals = c.vals[:l+n]
	return c.vals[l : l+n : l+n]
}

// shapeOf finds or makes the shape of object node n.
func (c *converter) shapeOf(ix *rawjson.Index, n int) *shape {
	for _, s := range c.recent[:c.nrecent] {
		if s.fill(ix, n, nil) {
			return s
		}
	}
	sig := c.sig[:0]
	for k, end := n+1, ix.End(n); k < end; k = ix.Next(k + 1) {
		sig = append(sig, ix.RawString(k)...)
		sig = append(sig, '"') // cannot occur unescaped inside a key
	}
	c.sig = sig
	s, ok := c.shapes[string(sig)]
	if !ok {
		s = newShape(ix, n)
		if c.shapes == nil {
			c.shapes = make(map[string]*shape)
		}
		c.shapes[string(sig)] = s
	}
	copy(c.recent[1:], c.recent[:len(c.recent)-1])
	c.recent[0] = s
	if c.nrecent < len(c.recent) {
		c.nrecent++
	}
	return s
}

// convert makes the JS value of node n. parent and slot say where an object value sits,
// so that its shape can be guessed from its siblings in other records.
func (c *converter) convert(ix *rawjson.Index, n int, parent *shape, slot int32) goja.Value {
	switch ix.Kind(n) {
	case rawjson.KindNull:
		return goja.Null()
	case rawjson.KindTrue:
		return c.vm.ToValue(true)
	case rawjson.KindFalse:
		return c.vm.ToValue(false)
	case rawjson.KindNumber:
		if i, ok := ix.Int(n); ok {
			return c.vm.ToValue(i)
		}
		f, _ := ix.Float(n) // out of range gives ±Inf, as JSON.parse
		return c.vm.ToValue(f)
	case rawjson.KindString:
		if parent != nil && int(slot) < len(parent.memo) {
			return parent.memo[slot].str(c, ix, n)
		}
		return c.str(ix, n)
	case rawjson.KindObject:
		return c.vm.NewDynamicObject(c.newView(ix, n, parent, slot))
	case rawjson.KindArray:
		items := make([]any, 0, ix.Count(n))
		var elemShape *shape
		for e, end := n+1, ix.End(n); e < end; e = ix.Next(e) {
			if ix.Kind(e) == rawjson.KindObject {
				// Elements of one array usually share a shape: hint with a holder shape.
				if elemShape == nil {
					elemShape = &shape{children: make([]*shape, 1)}
				}
				items = append(items, c.vm.NewDynamicObject(c.newView(ix, e, elemShape, 0)))
				continue
			}
			items = append(items, c.convert(ix, e, nil, 0))
		}
		return c.vm.NewArray(items...)
	}
	return goja.Undefined()
}

// str converts a string node. Without escapes the Go string aliases the page bytes (the
// page is never modified); unpaired surrogate escapes need UTF-16.
func (c *converter) str(ix *rawjson.Index, n int) goja.Value {
	if ix.HasEscapes(n) && rawjson.HasLoneSurrogate(ix.Raw(n)) {
		u, _ := rawjson.AppendUTF16(nil, ix.Raw(n))
		return goja.StringFromUTF16(u)
	}
	s := ix.String(n)
	if ix.HasEscapes(n) {
		s = strings.Clone(s) // Unquote's buffer is ours already; Clone keeps it small
	}
	return c.vm.ToValue(s)
}

// strMemo keeps the last short string converted at one slot of a shape, so that values
// that repeat from record to record (a status, a user's name, a model) are one JS value
// instead of one allocation each. A slot whose values keep changing stops being memoized.
type strMemo struct {
	raw          string // the value's bytes as sent, aliasing the page
	val          goja.Value
	hits, misses uint32
}

const (
	memoMaxLen  = 32 // longer strings are not memoized
	memoTrial   = 64 // conversions before a slot's hit rate is judged
	memoMinHits = 1.0 / 4
)

func (m *strMemo) str(c *converter, ix *rawjson.Index, n int) goja.Value {
	raw := ix.RawString(n)
	if m.val != nil && string(raw) == m.raw {
		m.hits++
		return m.val
	}
	val := c.str(ix, n)
	if len(raw) > memoMaxLen || m.misses > memoTrial && float64(m.hits) < memoMinHits*float64(m.misses) {
		return val
	}
	m.misses++
	m.raw, m.val = unsafe.String(unsafe.SliceData(raw), len(raw)), val
	return val
}
