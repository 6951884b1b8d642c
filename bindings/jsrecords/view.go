package jsrecords

import (
	"github.com/dkscript/dkscript/daktela/rawjson"
	"github.com/dop251/goja"
)

// ownKeys is the key list of a view whose keys changed (a key added or deleted).
type ownKeys struct {
	keys  []string // replaced, never changed in place: goja may be iterating the old one
	index map[string]int32
}

// view is the DynamicObject handler of one JSON object.
//
// Its field table is nodes: each slot's value node (-1 for a key the script added). Values
// are converted on every read except those that must keep their identity (objects and
// arrays) or were written: those are cached, the first one inline (one, oneVal), more in
// vals. A record that is only read for a few strings and numbers so costs its view, its
// goja object and 4 bytes a key.
type view struct {
	c    *converter
	ix   *rawjson.Index // nil until raw is parsed, for records given as bytes
	raw  []byte
	node int32

	parentSlot int32
	parent     *shape // where the shape of this object was last seen, as a hint

	shape  *shape // nil until first access
	nodes  []int32
	vals   []goja.Value // cached values by slot, once more than one is cached
	oneVal goja.Value   // the only cached value while vals is nil
	one    int32        // oneVal's slot + 1; 0 when none
	own    *ownKeys
	dirty  bool // a property was written
}

var _ goja.DynamicObject = (*view)(nil)

// init builds the field table on first access.
func (v *view) init() {
	if v.ix == nil {
		ix, err := rawjson.Parse(v.raw)
		if err != nil {
			panic(v.c.vm.NewTypeError("record is not valid JSON: %v", err))
		}
		v.ix, v.node, v.raw = ix, int32(ix.Root()), nil
	}
	ix, n := v.ix, int(v.node)
	var hint *shape
	if v.parent != nil {
		hint = v.parent.children[v.parentSlot]
	} else {
		hint = v.c.lastShape
	}
	s := hint
	var nodes []int32
	if s != nil {
		nodes = v.c.allocNodes(len(s.keys))
		if !s.fill(ix, n, nodes) {
			s = nil
		}
	}
	if s == nil {
		s = v.c.shapeOf(ix, n)
		if len(nodes) != len(s.keys) {
			nodes = v.c.allocNodes(len(s.keys))
		}
		s.fill(ix, n, nodes)
	}
	if v.parent != nil {
		v.parent.children[v.parentSlot] = s
	} else {
		v.c.lastShape = s
	}
	v.shape, v.nodes = s, nodes
}

func (v *view) lookup(key string) (int32, bool) {
	if v.shape == nil {
		v.init()
	}
	var i int32
	var ok bool
	if v.own != nil {
		i, ok = v.own.index[key]
	} else {
		i, ok = v.shape.index[key]
	}
	return i, ok
}

// cached returns slot i's cached value, nil when there is none.
func (v *view) cached(i int32) goja.Value {
	if v.vals != nil {
		return v.vals[i]
	}
	if v.one == i+1 {
		return v.oneVal
	}
	return nil
}

// cache keeps val as slot i's value: inline while it is the only one, else in vals.
func (v *view) cache(i int32, val goja.Value) {
	if v.vals == nil {
		if v.one == 0 || v.one == i+1 {
			v.one, v.oneVal = i+1, val
			return
		}
		v.spill()
	}
	v.vals[i] = val
}

// spill moves the cached values to vals, one per slot.
func (v *view) spill() {
	if v.vals != nil {
		return
	}
	v.vals = v.c.allocVals(len(v.nodes))
	if v.one != 0 {
		v.vals[v.one-1] = v.oneVal
		v.one, v.oneVal = 0, nil
	}
}

// Get returns the property's value, converting it on read; nil when absent. Objects and
// arrays are cached so that they keep their identity; other values are cached once the
// view has a vals table.
func (v *view) Get(key string) goja.Value {
	i, ok := v.lookup(key)
	if !ok {
		return nil
	}
	if val := v.cached(i); val != nil {
		return val
	}
	n := int(v.nodes[i])
	val := v.c.convert(v.ix, n, v.shape, i)
	if k := v.ix.Kind(n); k == rawjson.KindObject || k == rawjson.KindArray || v.vals != nil {
		v.cache(i, val)
	}
	return val
}

// Set writes a property, adding it after the existing keys when new.
func (v *view) Set(key string, val goja.Value) bool {
	v.dirty = true
	if i, ok := v.lookup(key); ok {
		v.spill()
		v.vals[i] = val
		return true
	}
	v.ownKeys()
	v.spill()
	v.nodes = append(v.nodes, -1)
	v.vals = append(v.vals, val)
	v.own.index[key] = int32(len(v.nodes) - 1)
	v.own.keys = insertKey(v.own.keys, key)
	return true
}

// Has reports whether the property exists.
func (v *view) Has(key string) bool {
	_, ok := v.lookup(key)
	return ok
}

// Delete removes a property (true also when it was absent).
func (v *view) Delete(key string) bool {
	if _, ok := v.lookup(key); !ok {
		return true
	}
	v.ownKeys()
	delete(v.own.index, key)
	v.own.keys = removeKey(v.own.keys, key)
	return true
}

// Keys returns the keys in JavaScript order. The slice is shared and never changed.
func (v *view) Keys() []string {
	if v.shape == nil {
		v.init()
	}
	if v.own != nil {
		return v.own.keys
	}
	return v.shape.keys
}

// ownKeys gives the view its own key list before its first key change. (nodes and vals
// come from shared blocks with their capacity cut at their length, so appending to them
// copies them out first.)
func (v *view) ownKeys() {
	if v.own != nil {
		return
	}
	idx := make(map[string]int32, len(v.shape.index)+1)
	for k, i := range v.shape.index {
		idx[k] = i
	}
	v.own = &ownKeys{keys: v.shape.keys, index: idx}
}
