package jsrecords

import (
	"github.com/dkscript/dkscript/daktela/rawjson"
	"github.com/dop251/goja"
)

// slot is one property of a view: the value's node until it is converted or written,
// then the JS value.
type slot struct {
	node int32
	val  goja.Value
}

// ownKeys is the key list of a view whose keys changed (a key added or deleted).
type ownKeys struct {
	keys  []string // replaced, never changed in place: goja may be iterating the old one
	index map[string]int32
}

// view is the DynamicObject handler of one JSON object.
type view struct {
	c    *converter
	ix   *rawjson.Index // nil until raw is parsed, for records given as bytes
	raw  []byte
	node int32

	parent     *shape // where the shape of this object was last seen, as a hint
	parentSlot int32

	shape *shape // nil until first access
	slots []slot
	own   *ownKeys
	dirty bool // a property was written
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
	if s == nil || !s.matches(ix, n) {
		s = v.c.shapeOf(ix, n)
	}
	if v.parent != nil {
		v.parent.children[v.parentSlot] = s
	} else {
		v.c.lastShape = s
	}
	v.shape = s
	v.slots = v.c.allocSlots(len(s.keys))
	m := 0
	for k, end := n+1, ix.End(n); k < end; k = ix.Next(k + 1) {
		v.slots[s.slotOf[m]].node = int32(k + 1)
		m++
	}
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

// Get returns the property's value, converting it on first read; nil when absent.
func (v *view) Get(key string) goja.Value {
	i, ok := v.lookup(key)
	if !ok {
		return nil
	}
	s := &v.slots[i]
	if s.val == nil {
		s.val = v.c.convert(v.ix, int(s.node), v.shape, i)
	}
	return s.val
}

// Set writes a property, adding it after the existing keys when new.
func (v *view) Set(key string, val goja.Value) bool {
	v.dirty = true
	if i, ok := v.lookup(key); ok {
		v.slots[i].val = val
		return true
	}
	v.ownKeys()
	v.slots = append(v.slots, slot{node: -1, val: val})
	v.own.index[key] = int32(len(v.slots) - 1)
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

// ownKeys gives the view its own key list before its first key change.
func (v *view) ownKeys() {
	if v.own != nil {
		return
	}
	idx := make(map[string]int32, len(v.shape.index)+1)
	for k, i := range v.shape.index {
		idx[k] = i
	}
	// Own slots may grow: copy them out of the shared arena.
	slots := make([]slot, len(v.slots), len(v.slots)+4)
	copy(slots, v.slots)
	v.slots = slots
	v.own = &ownKeys{keys: v.shape.keys, index: idx}
}
