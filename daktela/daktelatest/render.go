package daktelatest

import (
	"slices"
	"strconv"
)

// renderCtx renders the records of one answer; it caches the JSON of expanded related
// records, so a page of 1000 records that all name the same few users renders each user
// once. It lives for one answer, under the store's read lock.
type renderCtx struct {
	s         *store
	cache     map[refKey][]byte
	synthRefs [][][]byte // synthesised pages: [field][candidate] → JSON
	top       int        // the depth the answer's own records render at (set by the first appendRecord)
}

type refKey struct {
	model string
	name  string
	depth int
}

func (s *store) newRenderCtx() *renderCtx { return &renderCtx{s: s} }

// expandDepth is how many levels of foreign keys a read expands, as the real API does: an
// activity's ticket, the ticket's category and the category's sla are records; the
// sla's own foreign keys are names. A contact's user's profile and role are records.
const expandDepth = 3

// topDepth is the depth the records of m render at when they are the answer's own:
// expandDepth, or synthDepth for a synthesised model (whose pages stay small).
func (s *store) topDepth(m *model) int {
	if s.tables[m.name].synth != nil {
		return synthDepth
	}
	return expandDepth
}

// itemRef is the stored value of activities.item: the activity's channel record
// (model and name) and its integer id, which the API shows when the activity is
// itself nested.
type itemRef struct {
	model string
	name  string
	id    int64
}

// appendRecord renders r as the API does: fields in schema order, foreign keys expanded
// into the related record (with its _sys) down to depth levels, custom fields as
// arrays (an empty set as [] as PHP encodes it), then _sys. With a projection only the
// kept fields are written and _sys is left out, as the API does for fielded reads.
func (rc *renderCtx) appendRecord(b []byte, m *model, r *record, depth int, p *projection) []byte {
	if rc.top == 0 {
		rc.top = depth
	}
	b = append(b, '{')
	first := true
	for i, fd := range m.fields {
		if fd.hidden || (fd.topOnly && depth < rc.top) {
			continue
		}
		keep, sub := p.has(fd.name)
		if !keep {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendKey(b, fd.name)
		switch fd.kind {
		case kItem:
			b = rc.appendItem(b, r.vals[i], depth, sub)
		case kCF:
			b = appendCF(b, m, r.vals[i], sub)
		default:
			b = rc.appendValue(b, fd, r.vals[i], depth, sub)
		}
	}
	if p == nil {
		if !first {
			b = append(b, ',')
		}
		b = appendSys(b, m, fnv32(m.name, r.vals[m.index[m.nameField]]))
	}
	return append(b, '}')
}

// appendSys writes the record's _sys: its hash (a digit string, or null for the
// models whose hash the API leaves null), its model as the API names it, and extras
// such as cfScheme.
func appendSys(b []byte, m *model, hash uint32) []byte {
	if m.hashNull {
		b = append(b, `"_sys":{"hash":null,"model":`...)
	} else {
		b = append(b, `"_sys":{"hash":"`...)
		b = appendInt(b, int64(hash))
		b = append(b, `","model":`...)
	}
	b = appendString(b, m.sysModel)
	if m.sysExtra != "" {
		b = append(b, ',')
		b = append(b, m.sysExtra...)
	}
	return append(b, '}')
}

// appendCF writes customFields with every key of the model's scheme (an empty one as
// []), then any other keys a client wrote; a model without keys and without values
// writes [] as PHP encodes an empty array.
func appendCF(b []byte, m *model, v any, sub *projection) []byte {
	cf, _ := v.(*cfValues)
	if len(m.cfKeys) == 0 && (cf == nil || len(cf.keys) == 0) {
		return append(b, "[]"...)
	}
	b = append(b, '{')
	first := true
	put := func(k string, vals []string) {
		if keep, _ := sub.has(k); !keep {
			return
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, k)
		b = append(b, ':')
		b = appendStrings(b, vals)
	}
	if cf != nil && len(cf.keys) == len(m.cfKeys) && slices.Equal(cf.keys, m.cfKeys) {
		for i, k := range cf.keys {
			put(k, cf.vals[i])
		}
		return append(b, '}')
	}
	for _, k := range m.cfKeys {
		vals, _ := cf.get(k)
		put(k, vals)
	}
	if cf != nil {
		for i, k := range cf.keys {
			if !slices.Contains(m.cfKeys, k) {
				put(k, cf.vals[i])
			}
		}
	}
	return append(b, '}')
}

// appendItem writes activities.item: the channel record when the activity is the
// answer's own record (depth rc.top), its integer id when the activity is nested
// (inside the channel record's activities), or the JSON a client wrote.
func (rc *renderCtx) appendItem(b []byte, v any, depth int, sub *projection) []byte {
	switch x := v.(type) {
	case itemRef:
		if depth < rc.top {
			return appendInt(b, x.id)
		}
		m := rc.s.models[x.model]
		if rel := rc.s.lookup(m, x.name); rel != nil {
			return rc.appendRecord(b, m, rel, depth-1, sub)
		}
		return appendInt(b, x.id)
	case rawJSON:
		if len(x) > 0 {
			return append(b, x...)
		}
	}
	return append(b, "null"...)
}

func (rc *renderCtx) appendValue(b []byte, fd *field, v any, depth int, sub *projection) []byte {
	if v == nil {
		if fd.kind == kCF || fd.kind == kMN {
			return append(b, "[]"...)
		}
		return append(b, "null"...)
	}
	switch fd.kind {
	case kFK:
		return rc.appendRef(b, fd.ref, v, depth, sub)
	case kMN:
		names, _ := v.([]string)
		b = append(b, '[')
		for i, n := range names {
			if i > 0 {
				b = append(b, ',')
			}
			b = rc.appendRef(b, fd.ref, n, depth, sub)
		}
		return append(b, ']')
	case kJSON:
		raw, _ := v.(rawJSON)
		if len(raw) == 0 {
			return append(b, "null"...)
		}
		return append(b, raw...)
	}
	return appendScalar(b, v)
}

func appendScalar(b []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return appendString(b, x)
	case int64:
		return appendInt(b, x)
	case float64:
		return appendFloat(b, x)
	case bool:
		return appendBool(b, x)
	case []string:
		return appendStrings(b, x)
	case nil:
		return append(b, "null"...)
	}
	return appendString(b, nameKey(v))
}

// appendRef renders a foreign key: the related record when depth allows and it exists,
// otherwise its name.
func (rc *renderCtx) appendRef(b []byte, refModel string, v any, depth int, sub *projection) []byte {
	if depth <= 0 {
		return appendScalar(b, v)
	}
	key := refKey{refModel, nameKey(v), depth}
	cacheable := sub == nil
	if cacheable {
		if js, ok := rc.cache[key]; ok {
			return append(b, js...)
		}
	}
	m := rc.s.models[refModel]
	rel := rc.s.lookup(m, key.name)
	if rel == nil {
		return appendScalar(b, v)
	}
	start := len(b)
	b = rc.appendRecord(b, m, rel, depth-1, sub)
	if cacheable {
		if rc.cache == nil {
			rc.cache = map[refKey][]byte{}
		}
		rc.cache[key] = append([]byte(nil), b[start:]...)
	}
	return b
}

const fnvOffset = uint32(2166136261)

func fnvString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func fnvBytes(h uint32, b []byte) uint32 {
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// fnv32 is the FNV-1a hash of a model and a name: the _sys.hash of a record.
func fnv32(model string, name any) uint32 {
	h := fnvString(fnvOffset, model)
	switch x := name.(type) {
	case string:
		h = fnvString(h, x)
	case int64:
		var tmp [20]byte
		h = fnvBytes(h, strconv.AppendInt(tmp[:0], x, 10))
	}
	return h
}
