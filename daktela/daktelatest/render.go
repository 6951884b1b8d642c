package daktelatest

import "strconv"

// renderCtx renders the records of one answer; it caches the JSON of expanded related
// records, so a page of 1000 records that all name the same few users renders each user
// once. It lives for one answer, under the store's read lock.
type renderCtx struct {
	s         *store
	cache     map[refKey][]byte
	synthRefs [][][]byte // synthesised pages: [field][candidate] → JSON
}

type refKey struct {
	model string
	name  string
}

func (s *store) newRenderCtx() *renderCtx { return &renderCtx{s: s} }

// expandDepth is how many levels of foreign keys a read expands: a ticket's category is
// the full category record, and inside it the category's own foreign keys are names.
const expandDepth = 1

// appendRecord renders r as the API does: fields in schema order, foreign keys expanded
// into the related record (with its _sys) down to depth levels, custom fields as
// arrays (an empty set as [] as PHP encodes it), then _sys. With a projection only the
// kept fields are written and _sys is left out, as the API does for fielded reads.
func (rc *renderCtx) appendRecord(b []byte, m *model, r *record, depth int, p *projection) []byte {
	b = append(b, '{')
	first := true
	brief := m.brief
	if depth >= expandDepth || p != nil {
		brief = nil
	}
	for i, fd := range m.fields {
		if fd.hidden || (brief != nil && !brief[fd.name]) {
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
		b = rc.appendValue(b, fd, r.vals[i], depth, sub)
	}
	if p == nil {
		if !first {
			b = append(b, ',')
		}
		b = appendSys(b, m, r)
	}
	return append(b, '}')
}

func appendSys(b []byte, m *model, r *record) []byte {
	b = append(b, `"_sys":{"hash":"`...)
	b = appendInt(b, int64(fnv32(m.name, r.vals[m.index[m.nameField]])))
	b = append(b, `","model":"`...)
	b = append(b, m.name...)
	b = append(b, '"')
	if m.sysExtra != "" {
		b = append(b, ',')
		b = append(b, m.sysExtra...)
	}
	return append(b, '}')
}

func (rc *renderCtx) appendValue(b []byte, fd *field, v any, depth int, sub *projection) []byte {
	if v == nil {
		if fd.kind == kCF {
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
	case kCF:
		cf, _ := v.(*cfValues)
		if cf == nil || len(cf.keys) == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '{')
		first := true
		for i, k := range cf.keys {
			if keep, _ := sub.has(k); !keep {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendString(b, k)
			b = append(b, ':')
			b = appendStrings(b, cf.vals[i])
		}
		return append(b, '}')
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
	key := refKey{refModel, nameKey(v)}
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
