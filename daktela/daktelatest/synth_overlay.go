package daktelatest

import (
	"slices"
	"sort"
)

// overlay holds the writes to a synthesised model: the synthesised base stays a pure
// function of (seed, i) and nothing of it is stored; only what scripts wrote is, so
// memory grows with the writes, not with the record count. Updated base records replace
// their generated form, deleted ones are skipped, created ones follow the base.
type overlay struct {
	changed map[int]*record    // base index → the record as updated
	deleted map[int]bool       // base indexes deleted
	delIx   []int              // the same, sorted (for ranges)
	added   []*record          // created records, in creation order
	byName  map[string]*record // created records by name
	nextInt int64              // the next counter name (models with integer names)
}

func newOverlay(n int) *overlay {
	return &overlay{changed: map[int]*record{}, deleted: map[int]bool{}, byName: map[string]*record{},
		nextInt: int64(n) + 1}
}

// empty reports whether nothing was written: reads take the base's fast paths as they are.
func (o *overlay) empty() bool {
	return len(o.changed) == 0 && len(o.deleted) == 0 && len(o.added) == 0
}

// deletedBefore counts deleted base indexes below i.
func (o *overlay) deletedBefore(i int) int { return sort.SearchInts(o.delIx, i) }

// count is the number of records the model has now.
func (ss *synthSource) count() int { return ss.n - len(ss.ov.deleted) + len(ss.ov.added) }

// base returns base record i as it is now (nil when deleted), generated into scratch
// unless it was updated.
func (ss *synthSource) base(i int, scratch *record) *record {
	if ss.ov.deleted[i] {
		return nil
	}
	if r := ss.ov.changed[i]; r != nil {
		return r
	}
	return ss.gen(i, scratch)
}

// insert stores a created record (the caller holds the write lock).
func (ss *synthSource) insert(r *record) {
	ss.ov.added = append(ss.ov.added, r)
	ss.ov.byName[r.name(ss.m)] = r
}

// keep stores r, read by lookup and then updated in place, as the record named name.
func (ss *synthSource) keep(name string, r *record) {
	if _, ok := ss.ov.byName[name]; ok {
		return // a created record: updated where it is stored
	}
	if i, ok := ss.index(name); ok {
		ss.ov.changed[i] = r
	}
}

// remove deletes the record named name; false when there is none.
func (ss *synthSource) remove(name string) bool {
	if r, ok := ss.ov.byName[name]; ok {
		delete(ss.ov.byName, name)
		ss.ov.added = slices.DeleteFunc(ss.ov.added, func(x *record) bool { return x == r })
		return true
	}
	i, ok := ss.index(name)
	if !ok || ss.ov.deleted[i] {
		return false
	}
	delete(ss.ov.changed, i)
	ss.ov.deleted[i] = true
	at, _ := slices.BinarySearch(ss.ov.delIx, i)
	ss.ov.delIx = slices.Insert(ss.ov.delIx, at, i)
	return true
}

// merged is the ordered result of a list read of a synthesised model with writes: a
// sequence of base records (baseAt maps a position to its base index, ascending in the
// order asked for) with the created records that match merged in.
type merged struct {
	baseLen int
	baseAt  func(pos int) int
	extra   []*record // matching created records, in order
	extraAt []int     // their positions in the merged sequence, increasing
}

func (mg *merged) total() int { return mg.baseLen + len(mg.extra) }

// at returns the base index or the created record at merged position j.
func (mg *merged) at(j int) (int, *record) {
	k := sort.SearchInts(mg.extraAt, j)
	if k < len(mg.extraAt) && mg.extraAt[k] == j {
		return -1, mg.extra[k]
	}
	return mg.baseAt(j - k), nil
}

// mergeExtra places the created records that match p among baseLen base records that
// are in p's order: after them with no sort, by the sort key (name or created) with one.
func (ss *synthSource) mergeExtra(p *page, baseLen int, baseAt func(int) int, desc bool) *merged {
	mg := &merged{baseLen: baseLen, baseAt: baseAt}
	search := ss.s.searchMatcher(ss.m, p.search)
	for _, r := range ss.ov.added {
		if p.filter.match(r) && (search == nil || search(r)) {
			mg.extra = append(mg.extra, r)
		}
	}
	if len(mg.extra) == 0 {
		return mg
	}
	if len(p.sort) == 0 {
		for k := range mg.extra {
			mg.extraAt = append(mg.extraAt, baseLen+k)
		}
		return mg
	}
	// Order the created records as asked, then place each after the base records that
	// do not come after it (ties: base first).
	key := p.sort[0]
	sortRecords(mg.extra, p.sort[:1])
	scratch := newRecord(ss.m)
	for k, r := range mg.extra {
		ins := sort.Search(baseLen, func(pos int) bool {
			c := compareField(key, ss.base(baseAt(pos), scratch), r)
			if key.desc {
				c = -c
			}
			return c > 0
		})
		mg.extraAt = append(mg.extraAt, ins+k)
	}
	return mg
}
