package daktelatest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"
)

// record holds one record's values, aligned with its model's fields. Values are nil,
// string, int64, float64, bool, []string (kMN), *cfValues (kCF) or rawJSON (kJSON).
type record struct {
	vals []any
}

// cfValues is a customFields object: keys in order, every value an array of strings.
type cfValues struct {
	keys []string
	vals [][]string
}

func (c *cfValues) get(key string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	for i, k := range c.keys {
		if k == key {
			return c.vals[i], true
		}
	}
	return nil, false
}

func (c *cfValues) set(key string, v []string) {
	for i, k := range c.keys {
		if k == key {
			c.vals[i] = v
			return
		}
	}
	c.keys = append(c.keys, key)
	c.vals = append(c.vals, v)
}

func (c *cfValues) clone() *cfValues {
	if c == nil {
		return nil
	}
	out := &cfValues{keys: append([]string(nil), c.keys...), vals: make([][]string, len(c.vals))}
	for i, v := range c.vals {
		out.vals[i] = append([]string(nil), v...)
	}
	return out
}

// rawJSON is a JSON value kept as text (options, item).
type rawJSON []byte

func newRecord(m *model) *record { return &record{vals: make([]any, len(m.fields))} }

// newCreatedRecord returns a record of m as a create makes it, through the API or the
// live simulation: every field its default, and many-to-many fields empty lists.
func newCreatedRecord(m *model) *record {
	r := newRecord(m)
	for i, fd := range m.fields {
		if fd.def != nil {
			r.vals[i] = fd.def
		}
		if fd.kind == kMN {
			r.vals[i] = []string{}
		}
	}
	return r
}

func (r *record) get(m *model, name string) any {
	if i, ok := m.index[name]; ok {
		return r.vals[i]
	}
	return nil
}

func (r *record) set(m *model, name string, v any) {
	i, ok := m.index[name]
	if !ok {
		panic("daktelatest: model " + m.name + " has no field " + name) // programming error in seed data
	}
	r.vals[i] = v
}

func (r *record) str(m *model, name string) string {
	s, _ := r.get(m, name).(string)
	return s
}

// name returns the record's primary key as a string.
func (r *record) name(m *model) string { return nameKey(r.vals[m.index[m.nameField]]) }

func (r *record) clone() *record {
	out := &record{vals: append([]any(nil), r.vals...)}
	for i, v := range out.vals {
		switch x := v.(type) {
		case []string:
			out.vals[i] = append([]string(nil), x...)
		case *cfValues:
			out.vals[i] = x.clone()
		}
	}
	return out
}

// nameKey formats a name (string or integer) as the string the store is keyed by.
func nameKey(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// table holds the records of one model: in memory for demo data, or a synthesiser.
type table struct {
	m       *model
	rows    []*record // insertion order
	byName  map[string]*record
	nextInt int64
	synth   *synthSource
}

func (t *table) add(r *record) {
	if n, ok := r.vals[t.m.index[t.m.nameField]].(int64); ok && n >= t.nextInt {
		t.nextInt = n + 1
	}
	t.rows = append(t.rows, r)
	t.byName[r.name(t.m)] = r
}

func (t *table) remove(name string) bool {
	r, ok := t.byName[name]
	if !ok {
		return false
	}
	delete(t.byName, name)
	for i, x := range t.rows {
		if x == r {
			t.rows = append(t.rows[:i:i], t.rows[i+1:]...)
			break
		}
	}
	return true
}

// store is the server's data, guarded by one RWMutex: reads (filter, sort, render) hold
// the read lock for the whole request, writes the write lock.
type store struct {
	mu     sync.RWMutex
	models map[string]*model
	tables map[string]*table
	rng    *rand.Rand // guarded by mu (write lock)
	lastID int64      // last uniqid microsecond stamp handed out
	epoch  time.Time  // where the demo data set ends (Options.Anchor)
	// uploads are the files upload.php stored.
	uploads uploadStore
}

func newStore(seed int64) *store {
	s := &store{models: schema(), tables: map[string]*table{}, epoch: demoEpoch()}
	s.rng = rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	for name, m := range s.models {
		s.tables[name] = &table{m: m, byName: map[string]*record{}, nextInt: 1}
	}
	return s
}

// lookup returns the record of model m named name, from memory or the synthesiser.
func (s *store) lookup(m *model, name string) *record {
	t := s.tables[m.name]
	if t.synth != nil {
		return t.synth.byName(name)
	}
	return t.byName[name]
}

// insert stores a created record in t: in memory, or in a synthesised model's overlay.
func (s *store) insert(t *table, r *record) {
	if t.synth != nil {
		t.synth.insert(r)
		return
	}
	t.add(r)
}

// uniqid returns prefix + a PHP-uniqid-like suffix (13 hex digits of a microsecond
// stamp, then 8 digits), increasing with every call so names sort by creation.
func (s *store) uniqid(prefix string, at time.Time) string {
	us := at.UnixMicro()
	if us <= s.lastID {
		us = s.lastID + 1
	}
	s.lastID = us
	return fmt.Sprintf("%s%08x%05x%08d", prefix, us/1e6, us%1e6, s.rng.IntN(1e8))
}

// newName returns the name for a record created in t.
func (s *store) newName(t *table, at time.Time) any {
	if t.m.intNames && t.synth != nil {
		n := t.synth.ov.nextInt
		t.synth.ov.nextInt++
		return n
	}
	if t.m.intNames {
		n := t.nextInt
		t.nextInt++
		return n
	}
	return s.uniqid(t.m.prefix, at)
}
