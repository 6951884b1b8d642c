package jsrecords

import (
	"strings"

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
	lastShape *shape // shape of the last top-level record
	arena     []slot
	views     []view // a block that nested views are carved from
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

const arenaSize = 4096

// allocSlots returns n zeroed slots carved from a shared block.
func (c *converter) allocSlots(n int) []slot {
	if n > arenaSize/4 {
		return make([]slot, n)
	}
	if len(c.arena)+n > cap(c.arena) {
		c.arena = make([]slot, 0, arenaSize)
	}
	l := len(c.arena)
	c.arena = c.arena[:l+n]
	return c.arena[l : l+n : l+n]
}

// shapeOf finds or makes the shape of object node n.
func (c *converter) shapeOf(ix *rawjson.Index, n int) *shape {
	for _, s := range c.recent[:c.nrecent] {
		if s.matches(ix, n) {
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
