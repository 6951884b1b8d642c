package daktelatest

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxRecords is the largest record count Options.Records may ask for.
const MaxRecords = 10_000_000

// maxSynthScan bounds the reads of a synthesised model that must look at every record:
// filters and sorts other than the ones below. Larger models answer those with 400.
const maxSynthScan = 1_000_000

// synthSource serves N records of a model without holding them: record i is a pure
// function of (seed, i). Names (and created, for models that have it) increase with i,
// so sort by name or created, skip/take and total cost nothing, and filters that are
// ranges (eq, gt, gte, lt, lte) on name or created are answered by binary search.
// Foreign keys point at the demo data set's records.
type synthSource struct {
	s      *store
	m      *model
	n      int
	seed   uint64
	baseUS int64 // microsecond stamp of record 0
	stepUS int64 // between records
	refs   [][]any
	nameIx int
	crIx   int // created field index, -1 when none
}

func newSynth(s *store, m *model, n int, seed int64) *synthSource {
	ss := &synthSource{s: s, m: m, n: n, seed: uint64(seed), nameIx: m.index[m.nameField], crIx: -1,
		refs: make([][]any, len(m.fields))}
	if i, ok := m.index["created"]; ok {
		ss.crIx = i
	}
	span := int64(400 * 24 * time.Hour / time.Microsecond)
	ss.stepUS = max(1, span/int64(max(n, 1)))
	ss.baseUS = demoEpoch.UnixMicro() - span
	for i, fd := range m.fields {
		if (fd.kind == kFK || fd.kind == kMN) && fd.ref != m.name {
			for _, r := range s.tables[fd.ref].rows {
				ss.refs[i] = append(ss.refs[i], r.vals[s.models[fd.ref].index[s.models[fd.ref].nameField]])
			}
		}
	}
	return ss
}

func (ss *synthSource) stamp(i int) int64 { return ss.baseUS + int64(i)*ss.stepUS }

// name returns record i's name.
func (ss *synthSource) name(i int) any {
	if ss.m.intNames {
		return int64(i + 1)
	}
	return string(ss.appendName(nil, i))
}

func (ss *synthSource) appendName(b []byte, i int) []byte {
	us := ss.stamp(i)
	b = append(b, ss.m.prefix...)
	b = appendHex(b, uint64(us/1e6), 8)
	b = appendHex(b, uint64(us%1e6), 5)
	d := mix(ss.seed, uint64(i), 77) % 1e8
	var tmp [8]byte
	for k := 7; k >= 0; k-- {
		tmp[k] = byte('0' + d%10)
		d /= 10
	}
	return append(b, tmp[:]...)
}

func appendHex(b []byte, v uint64, width int) []byte {
	for k := width - 1; k >= 0; k-- {
		b = append(b, hexDigits[(v>>(4*uint(k)))&0xf])
	}
	return b
}

// index inverts name: which record a name belongs to.
func (ss *synthSource) index(name string) (int, bool) {
	if ss.m.intNames {
		n, err := strconv.ParseInt(name, 10, 64)
		if err != nil || n < 1 || n > int64(ss.n) {
			return 0, false
		}
		return int(n - 1), true
	}
	rest, ok := strings.CutPrefix(name, ss.m.prefix)
	if !ok || len(rest) != 21 {
		return 0, false
	}
	sec, err1 := strconv.ParseUint(rest[:8], 16, 64)
	usec, err2 := strconv.ParseUint(rest[8:13], 16, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	off := int64(sec)*1e6 + int64(usec) - ss.baseUS
	if off < 0 || off%ss.stepUS != 0 || off/ss.stepUS >= int64(ss.n) {
		return 0, false
	}
	i := int(off / ss.stepUS)
	if string(ss.appendName(nil, i)) != name {
		return 0, false
	}
	return i, true
}

func (ss *synthSource) byName(name string) *record {
	i, ok := ss.index(name)
	if !ok {
		return nil
	}
	return ss.gen(i, nil)
}

var synthWords = []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}

// gen fills (or allocates) record i.
func (ss *synthSource) gen(i int, r *record) *record {
	if r == nil {
		r = newRecord(ss.m)
	}
	ts := time.UnixMicro(ss.stamp(i)).In(prague)
	for fi, fd := range ss.m.fields {
		h := mix(ss.seed, uint64(i), uint64(fi))
		var v any
		switch {
		case fi == ss.nameIx:
			v = ss.name(i)
		case fd.name == "created":
			v = ts.Format(dateLayout)
		case fd.name == "edited":
			v = ts.Add(time.Duration(h%(3*86400)) * time.Second).Format(dateLayout)
		case fd.kind == kFK || fd.kind == kMN:
			refs := ss.refs[fi]
			if fd.kind == kMN {
				v = []string{}
				if len(refs) > 0 && h%3 == 0 {
					v = []string{nameKey(refs[h%uint64(len(refs))])}
				}
			} else if len(refs) > 0 && (fd.required || (fd.name == "user" && (h>>8)%10 < 7)) {
				// required keys always, the owner mostly, other optional keys never:
				// records stay about as big as the real ones without permission maps
				v = refs[h%uint64(len(refs))]
			}
		case fd.kind == kCF:
			cf := &cfValues{}
			for k, key := range ss.m.cfKeys {
				cf.set(key, []string{synthString(key, i, mix(h, uint64(k)))})
			}
			v = cf
		case fd.enum != nil:
			v = fd.enum[h%uint64(len(fd.enum))]
		case fd.kind == kStr && (fd.required || fd.name == "number" || fd.name == "title" || fd.name == "email"):
			v = synthString(fd.name, i, h)
		case fd.kind == kBool:
			v = h&1 == 1
		case fd.kind == kInt:
			v = int64(h % 1000)
		case fd.kind == kFloat:
			v = float64(h%100) / 10
		default:
			v = fd.def
		}
		r.vals[fi] = v
	}
	if ss.m.title != nil {
		r.set(ss.m, "title", ss.m.title(r))
	}
	return r
}

// synthString makes a plausible value for a string field.
func synthString(field string, i int, h uint64) string {
	switch {
	case field == "number":
		return "00420" + strconv.FormatUint(600000000+h%400000000, 10)
	case strings.Contains(field, "email"):
		return synthWords[h%8] + "." + strconv.Itoa(i+1) + "@example.net"
	case field == "firstname":
		return firstNames[h%uint64(len(firstNames))]
	case field == "lastname":
		return lastNames[h%uint64(len(lastNames))]
	case field == "note":
		return "Imported lead " + strconv.Itoa(i+1)
	}
	return strings.ToUpper(field[:1]) + field[1:] + " " + strconv.Itoa(i+1)
}

// list answers a list read of the synthesised model.
func (ss *synthSource) list(p *page, now time.Time) reply {
	lo, hi, rangeOK := ss.rangeFor(p)
	desc, order := false, len(p.sort) == 0
	if len(p.sort) == 1 && (p.sort[0].field == ss.m.nameField || (p.sort[0].field == "created" && ss.crIx >= 0)) {
		desc, order = p.sort[0].desc, true
	}
	if rangeOK && order && p.search == "" {
		total := hi - lo
		start := min(p.skip, total)
		n := min(p.take, total-start)
		rec := newRecord(ss.m)
		return ss.s.renderList(ss.m, total, n, func(j int) *record {
			k := lo + start + j
			if desc {
				k = hi - 1 - start - j
			}
			return ss.gen(k, rec)
		}, p.proj, now)
	}
	if ss.n > maxSynthScan {
		return errorReply(400, now, "the fake server filters and sorts synthesised "+ss.m.name+" of more than "+
			strconv.Itoa(maxSynthScan)+" records only by name or created (ranges: eq, gt, gte, lt, lte; sort asc/desc)")
	}
	search := ss.s.searchMatcher(ss.m, p.search)
	var matched []*record
	var idx []int32
	keepRecords := !order
	if keepRecords && ss.n > maxSynthScan/10 {
		return errorReply(400, now, "the fake server sorts synthesised "+ss.m.name+" of more than "+
			strconv.Itoa(maxSynthScan/10)+" records only by name or created")
	}
	scratch := newRecord(ss.m)
	for i := 0; i < ss.n; i++ {
		r := ss.gen(i, scratch)
		if !p.filter.match(r) || (search != nil && !search(r)) {
			continue
		}
		if keepRecords {
			matched = append(matched, r.clone())
		} else {
			idx = append(idx, int32(i))
		}
	}
	if keepRecords {
		sortRecords(matched, p.sort)
		total := len(matched)
		start := min(p.skip, total)
		return ss.s.renderList(ss.m, total, min(p.take, total-start), func(j int) *record { return matched[start+j] }, p.proj, now)
	}
	if desc {
		slices.Reverse(idx)
	}
	total := len(idx)
	start := min(p.skip, total)
	rec := newRecord(ss.m)
	return ss.s.renderList(ss.m, total, min(p.take, total-start), func(j int) *record { return ss.gen(int(idx[start+j]), rec) }, p.proj, now)
}

// rangeFor answers a filter made only of range conditions on name or created by binary
// search: the records [lo, hi) match. ok is false when the filter is anything else.
func (ss *synthSource) rangeFor(p *page) (lo, hi int, ok bool) {
	lo, hi = 0, ss.n
	var conds []*cond
	var walk func(f *fnode) bool
	walk = func(f *fnode) bool {
		if f == nil {
			return true
		}
		if f.cond != nil {
			c := f.cond
			if c.ignoreCase || (c.field != ss.m.nameField && !(c.field == "created" && ss.crIx >= 0)) {
				return false
			}
			switch c.op {
			case "eq", "gt", "gte", "lt", "lte":
				conds = append(conds, c)
				return true
			}
			return false
		}
		if f.or && len(f.kids) > 1 {
			return false
		}
		for _, k := range f.kids {
			if !walk(k) {
				return false
			}
		}
		return true
	}
	if !walk(p.filter) {
		return 0, 0, false
	}
	scratch := newRecord(ss.m)
	for _, c := range conds {
		// cmp(i) < 0 while record i is below the value, then 0, then > 0.
		cmp := func(i int) int {
			vals, _ := c.get(ss.gen(i, scratch))
			if len(vals) == 0 {
				return -1
			}
			return compareValues(c.kind, vals[0], c.vals[0])
		}
		first := func(pred func(int) bool) int { // first i in [0,n) with pred true
			a, b := 0, ss.n
			for a < b {
				mid := int(uint(a+b) >> 1)
				if pred(mid) {
					b = mid
				} else {
					a = mid + 1
				}
			}
			return a
		}
		geq := first(func(i int) bool { return cmp(i) >= 0 })
		gt := first(func(i int) bool { return cmp(i) > 0 })
		switch c.op {
		case "eq":
			lo, hi = max(lo, geq), min(hi, gt)
		case "gt":
			lo = max(lo, gt)
		case "gte":
			lo = max(lo, geq)
		case "lt":
			hi = min(hi, geq)
		case "lte":
			hi = min(hi, gt)
		}
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi, true
}
