package daktelatest

import (
	"slices"
	"sort"
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
	roles  []fieldRole
	keys   [][]byte  // `"field":` per field
	cfKeys [][]byte  // `"key":["` per custom field key
	cfStr  []strKind // how each custom field key's value is made
	ov     *overlay  // the writes made to the model (guarded by the store's lock)
}

// fieldRole is how val makes a field, decided once per model.
type fieldRole uint8

const (
	roleDefault fieldRole = iota
	roleName
	roleCreated
	roleEdited
	roleRef
	roleMN
	roleCF
	roleEnum
	roleSynth
	roleBool
	roleInt
	roleFloat
	roleTitle // contacts: derived from first and last name
)

// strKind is how a synthesised string is made.
type strKind uint8

const (
	strGeneric strKind = iota
	strNumber
	strEmail
	strFirst
	strLast
	strNote
)

func strKindOf(field string) strKind {
	switch {
	case field == "number":
		return strNumber
	case strings.Contains(field, "email"):
		return strEmail
	case field == "firstname":
		return strFirst
	case field == "lastname":
		return strLast
	case field == "note":
		return strNote
	}
	return strGeneric
}

func newSynth(s *store, m *model, n int, seed int64) *synthSource {
	ss := &synthSource{s: s, m: m, n: n, seed: uint64(seed), nameIx: m.index[m.nameField], crIx: -1,
		refs: make([][]any, len(m.fields)), ov: newOverlay(n)}
	if i, ok := m.index["created"]; ok {
		ss.crIx = i
	}
	for fi, fd := range m.fields {
		var role fieldRole
		switch {
		case fi == ss.nameIx:
			role = roleName
		case fd.name == "created":
			role = roleCreated
		case fd.name == "edited":
			role = roleEdited
		case fd.name == "title" && m.title != nil:
			role = roleTitle
		case fd.kind == kFK:
			role = roleRef
		case fd.kind == kMN:
			role = roleMN
		case fd.kind == kCF:
			role = roleCF
		case fd.enum != nil:
			role = roleEnum
		case fd.kind == kStr && (fd.required || fd.name == "number" || fd.name == "title" || fd.name == "email"):
			role = roleSynth
		case fd.kind == kBool:
			role = roleBool
		case fd.kind == kInt:
			role = roleInt
		case fd.kind == kFloat:
			role = roleFloat
		}
		ss.roles = append(ss.roles, role)
		ss.keys = append(ss.keys, appendKey(nil, fd.name))
	}
	for _, key := range m.cfKeys {
		ss.cfKeys = append(ss.cfKeys, append(appendKey(nil, key), '[', '"'))
		ss.cfStr = append(ss.cfStr, strKindOf(key))
	}
	span := int64(400 * 24 * time.Hour / time.Microsecond)
	ss.stepUS = max(1, span/int64(max(n, 1)))
	ss.baseUS = s.epoch.UnixMicro() - span
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
	if r := ss.ov.byName[name]; r != nil {
		return r
	}
	i, ok := ss.index(name)
	if !ok {
		return nil
	}
	return ss.base(i, nil)
}

var synthWords = []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}

// synthVal is the value of one field of one synthesised record, described without
// allocating: the page writer appends it as JSON directly, the filter path turns it into
// a stored value. One producer (val) for both keeps them identical.
type synthVal struct {
	kind  synthKind
	n     int64  // int, bool (0/1), float (tenths), date (µs), synth string index
	h     uint64 // the field's hash, for synthesised strings and custom fields
	s     string // a static string (enum value, field name for synthesised strings)
	ref   any    // a related record's name
	ri    int    // its index in the field's candidates
	other any    // vAny: a default value
}

type synthKind uint8

const (
	vNull synthKind = iota
	vName
	vDate
	vRef
	vMN // ref is the single element, or nil for []
	vCF
	vStr
	vSynth
	vBool
	vInt
	vFloat
	vAny
)

// recHash is record i's hash; fieldHash derives each field's from it.
func (ss *synthSource) recHash(i int) uint64 { return mix(ss.seed, uint64(i)) }

func fieldHash(rh uint64, fi int) uint64 {
	x := rh + uint64(fi+1)*0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// val produces field fi of record i (rh = recHash(i)).
func (ss *synthSource) val(fi, i int, rh uint64) synthVal {
	fd := ss.m.fields[fi]
	h := fieldHash(rh, fi)
	switch ss.roles[fi] {
	case roleName:
		return synthVal{kind: vName}
	case roleCreated:
		return synthVal{kind: vDate, n: ss.stamp(i)}
	case roleEdited:
		return synthVal{kind: vDate, n: ss.stamp(i) + int64(h%(3*86400))*1e6}
	case roleMN:
		if refs := ss.refs[fi]; len(refs) > 0 && h%3 == 0 {
			ri := int(h % uint64(len(refs)))
			return synthVal{kind: vMN, ref: refs[ri], ri: ri}
		}
		return synthVal{kind: vMN}
	case roleRef:
		// required keys always, the owner mostly, other optional keys never: records
		// stay about as big as real ones without permission maps
		if refs := ss.refs[fi]; len(refs) > 0 && (fd.required || (fd.name == "user" && (h>>8)%10 < 7)) {
			ri := int(h % uint64(len(refs)))
			return synthVal{kind: vRef, ref: refs[ri], ri: ri}
		}
		return synthVal{kind: vNull}
	case roleCF:
		return synthVal{kind: vCF, h: h, n: int64(i)}
	case roleEnum:
		return synthVal{kind: vStr, s: fd.enum[h%uint64(len(fd.enum))]}
	case roleSynth:
		return synthVal{kind: vSynth, s: fd.name, n: int64(i), h: h}
	case roleBool:
		return synthVal{kind: vBool, n: int64(h & 1)}
	case roleInt:
		return synthVal{kind: vInt, n: int64(h % 1000)}
	case roleFloat:
		return synthVal{kind: vFloat, n: int64(h % 100)}
	}
	if fd.def == nil {
		return synthVal{kind: vNull}
	}
	return synthVal{kind: vAny, other: fd.def}
}

// gen builds record i (into r when given) for filtering, sorting and single reads.
func (ss *synthSource) gen(i int, r *record) *record {
	if r == nil {
		r = newRecord(ss.m)
	}
	var dc dateCache
	rh := ss.recHash(i)
	for fi := range ss.m.fields {
		v := ss.val(fi, i, rh)
		var x any
		switch v.kind {
		case vName:
			x = ss.name(i)
		case vDate:
			x = string(dc.appendDate(nil, v.n))
		case vRef:
			x = v.ref
		case vMN:
			x = []string{}
			if v.ref != nil {
				x = []string{nameKey(v.ref)}
			}
		case vCF:
			cf := &cfValues{}
			for k, key := range ss.m.cfKeys {
				cf.set(key, []string{string(appendSynthString(nil, ss.cfStr[k], key, int(v.n), fieldHash(v.h, k)))})
			}
			x = cf
		case vStr:
			x = v.s
		case vSynth:
			x = string(appendSynthString(nil, strKindOf(v.s), v.s, int(v.n), v.h))
		case vBool:
			x = v.n == 1
		case vInt:
			x = v.n
		case vFloat:
			x = float64(v.n) / 10
		case vAny:
			x = v.other
		}
		r.vals[fi] = x
	}
	if ss.m.title != nil {
		r.set(ss.m, "title", ss.m.title(r))
	}
	return r
}

// appendJSON writes record i as the API would, straight from the producer: the page
// writer's fast path (no projection).
func (ss *synthSource) appendJSON(b []byte, rc *renderCtx, dc *dateCache, i int) []byte {
	if rc.synthRefs == nil {
		rc.synthRefs = make([][][]byte, len(ss.m.fields))
		rc.top = synthDepth
	}
	rh := ss.recHash(i)
	b = append(b, '{')
	var nameStart, nameEnd int
	first := true
	for fi, fd := range ss.m.fields {
		if fd.hidden {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, ss.keys[fi]...)
		if ss.roles[fi] == roleTitle {
			b = appendString(b, ss.m.title(ss.gen(i, nil))) // contacts: derived, rare
			continue
		}
		v := ss.val(fi, i, rh)
		switch v.kind {
		case vNull:
			b = append(b, "null"...)
		case vName:
			if ss.m.intNames {
				nameStart = len(b)
				b = appendInt(b, int64(i+1))
				nameEnd = len(b)
			} else {
				b = append(b, '"')
				nameStart = len(b)
				b = ss.appendName(b, i)
				nameEnd = len(b)
				b = append(b, '"')
			}
		case vDate:
			b = append(b, '"')
			b = dc.appendDate(b, v.n)
			b = append(b, '"')
		case vRef:
			b = ss.appendRefAt(b, rc, fi, v.ri, v.ref)
		case vMN:
			b = append(b, '[')
			if v.ref != nil {
				b = ss.appendRefAt(b, rc, fi, v.ri, nameKey(v.ref))
			}
			b = append(b, ']')
		case vCF:
			if len(ss.m.cfKeys) == 0 {
				b = append(b, "[]"...)
				break
			}
			b = append(b, '{')
			for k, key := range ss.m.cfKeys {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, ss.cfKeys[k]...)
				b = appendSynthString(b, ss.cfStr[k], key, int(v.n), fieldHash(v.h, k))
				b = append(b, '"', ']')
			}
			b = append(b, '}')
		case vStr:
			b = appendString(b, v.s)
		case vSynth:
			b = append(b, '"')
			b = appendSynthString(b, strKindOf(v.s), v.s, int(v.n), v.h)
			b = append(b, '"')
		case vBool:
			b = appendBool(b, v.n == 1)
		case vInt:
			b = appendInt(b, v.n)
		case vFloat:
			b = appendFloat(b, float64(v.n)/10)
		case vAny:
			b = appendScalar(b, v.other)
		}
	}
	b = append(b, ',')
	b = appendSys(b, ss.m, fnvBytes(fnvString(fnvOffset, ss.m.name), b[nameStart:nameEnd]))
	return append(b, '}')
}

// synthDepth is how deep the fast page writer of synthesised models expands their
// foreign keys: one level (the related record, its own foreign keys as names), so the
// pages of a load test stay about as big as real ones without permission maps.
const synthDepth = 1

// appendRefAt writes candidate ri of field fi, rendered once per answer.
func (ss *synthSource) appendRefAt(b []byte, rc *renderCtx, fi, ri int, name any) []byte {
	cache := rc.synthRefs[fi]
	if cache == nil {
		cache = make([][]byte, len(ss.refs[fi]))
		rc.synthRefs[fi] = cache
	}
	if js := cache[ri]; js != nil {
		return append(b, js...)
	}
	start := len(b)
	b = rc.appendRef(b, ss.m.fields[fi].ref, name, synthDepth, nil)
	cache[ri] = append([]byte(nil), b[start:]...)
	return b
}

// appendSynthString appends a plausible value for a string field (raw, no quotes; the
// values never need JSON escaping).
func appendSynthString(b []byte, k strKind, field string, i int, h uint64) []byte {
	switch k {
	case strNumber:
		b = append(b, "00420"...)
		return strconv.AppendUint(b, 600000000+h%400000000, 10)
	case strEmail:
		b = append(b, synthWords[h%8]...)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(i+1), 10)
		return append(b, "@example.net"...)
	case strFirst:
		return append(b, firstNames[h%uint64(len(firstNames))]...)
	case strLast:
		return append(b, lastNames[h%uint64(len(lastNames))]...)
	case strNote:
		b = append(b, "Imported lead "...)
		return strconv.AppendInt(b, int64(i+1), 10)
	}
	b = append(b, field[0]&^0x20)
	b = append(b, field[1:]...)
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(i+1), 10)
}

// dateCache formats microsecond stamps as Prague local "YYYY-MM-DD HH:MM:SS", looking
// the zone up only when a stamp leaves the last zone period.
type dateCache struct {
	start, end int64 // unix seconds of the zone period, end exclusive
	offset     int64
	valid      bool
	day        int64    // local day of prefix
	prefix     [11]byte // "YYYY-MM-DD "
	hasDay     bool
}

func (dc *dateCache) appendDate(b []byte, us int64) []byte {
	sec := us / 1e6
	if !dc.valid || sec < dc.start || sec >= dc.end {
		t := time.Unix(sec, 0).In(prague())
		_, off := t.Zone()
		st, en := t.ZoneBounds()
		dc.offset, dc.valid = int64(off), true
		dc.start, dc.end = st.Unix(), en.Unix()
		if st.IsZero() {
			dc.start = sec
		}
		if en.IsZero() {
			dc.end = sec + 1
		}
	}
	local := sec + dc.offset
	days := local / 86400
	rem := local % 86400
	if rem < 0 {
		rem += 86400
		days--
	}
	if !dc.hasDay || days != dc.day {
		y, m, d := civil(days)
		p := append4(dc.prefix[:0], y)
		p = append(p, '-')
		p = append2(p, m)
		p = append(p, '-')
		append2(p, d) // fills prefix[8:10] in place
		dc.prefix[10] = ' '
		dc.day, dc.hasDay = days, true
	}
	b = append(b, dc.prefix[:]...)
	b = append2(b, rem/3600)
	b = append(b, ':')
	b = append2(b, rem%3600/60)
	b = append(b, ':')
	return append2(b, rem%60)
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date.
func civil(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return
}

func append2(b []byte, v int64) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

func append4(b []byte, v int64) []byte {
	return append(b, byte('0'+v/1000%10), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

// list answers a list read of the synthesised model.
func (ss *synthSource) list(p *page, now time.Time) reply {
	lo, hi, rangeOK := ss.rangeFor(p)
	desc, order := false, len(p.sort) == 0
	if len(p.sort) > 0 && ss.inStorageOrder(p.sort) {
		desc, order = p.sort[0].desc, true
	}
	if rangeOK && order && p.search == "" && !ss.ov.empty() {
		// The range less the deleted records, with the created ones that match.
		dLo := ss.ov.deletedBefore(lo)
		baseLen := hi - lo - (ss.ov.deletedBefore(hi) - dLo)
		baseAt := func(pos int) int {
			if desc {
				pos = baseLen - 1 - pos
			}
			// the (pos+1)-th index of [lo, hi) that is not deleted
			return lo + sort.Search(hi-lo, func(k int) bool {
				return k+1-(ss.ov.deletedBefore(lo+k+1)-dLo) >= pos+1
			})
		}
		return ss.pageMerged(ss.mergeExtra(p, baseLen, baseAt, desc), p, now)
	}
	if rangeOK && order && p.search == "" {
		total := hi - lo
		start := min(p.skip, total)
		n := min(p.take, total-start)
		at := func(j int) int {
			if desc {
				return hi - 1 - start - j
			}
			return lo + start + j
		}
		return ss.page(total, n, at, p.proj, now)
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
	written := !ss.ov.empty()
	for i := 0; i < ss.n; i++ {
		var r *record
		if written {
			if r = ss.base(i, scratch); r == nil {
				continue
			}
		} else {
			r = ss.gen(i, scratch)
		}
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
		for _, r := range ss.ov.added {
			if p.filter.match(r) && (search == nil || search(r)) {
				matched = append(matched, r)
			}
		}
		sortRecords(matched, p.sort)
		total := len(matched)
		start := min(p.skip, total)
		return ss.s.renderList(ss.m, total, min(p.take, total-start), func(b []byte, rc *renderCtx, j int) []byte {
			return rc.appendRecord(b, ss.m, matched[start+j], synthDepth, p.proj)
		}, now)
	}
	if desc {
		slices.Reverse(idx)
	}
	if written {
		return ss.pageMerged(ss.mergeExtra(p, len(idx), func(pos int) int { return int(idx[pos]) }, desc), p, now)
	}
	total := len(idx)
	start := min(p.skip, total)
	return ss.page(total, min(p.take, total-start), func(j int) int { return int(idx[start+j]) }, p.proj, now)
}

// inStorageOrder reports whether keys order the records as their index does (or its
// reverse): by name, then anything (names are unique); or by created (which grows with
// the index, several records sharing a second) alone or then by name the same way.
func (ss *synthSource) inStorageOrder(keys []sortKey) bool {
	switch {
	case keys[0].field == ss.m.nameField:
		return true
	case keys[0].field != "created" || ss.crIx < 0:
		return false
	case len(keys) == 1:
		return true
	}
	return keys[1].field == ss.m.nameField && keys[1].desc == keys[0].desc
}

// page renders records at(0..n-1): straight from the producer without a projection,
// through generated records with one.
func (ss *synthSource) page(total, n int, at func(int) int, proj *projection, now time.Time) reply {
	if proj != nil {
		rec := newRecord(ss.m)
		return ss.s.renderList(ss.m, total, n, func(b []byte, rc *renderCtx, j int) []byte {
			return rc.appendRecord(b, ss.m, ss.gen(at(j), rec), synthDepth, proj)
		}, now)
	}
	var dc dateCache
	return ss.s.renderList(ss.m, total, n, func(b []byte, rc *renderCtx, j int) []byte {
		return ss.appendJSON(b, rc, &dc, at(j))
	}, now)
}

// pageMerged renders the page p asks for of a merged sequence: created and updated
// records as stored, the others from the producer.
func (ss *synthSource) pageMerged(mg *merged, p *page, now time.Time) reply {
	total := mg.total()
	start := min(p.skip, total)
	var dc dateCache
	rec := newRecord(ss.m)
	return ss.s.renderList(ss.m, total, min(p.take, total-start), func(b []byte, rc *renderCtx, j int) []byte {
		i, r := mg.at(start + j)
		if r == nil {
			r = ss.ov.changed[i]
		}
		switch {
		case r != nil:
			return rc.appendRecord(b, ss.m, r, expandDepth, p.proj)
		case p.proj != nil:
			return rc.appendRecord(b, ss.m, ss.gen(i, rec), expandDepth, p.proj)
		}
		return ss.appendJSON(b, rc, &dc, i)
	}, now)
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
