package daktelatest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// mergeRoutes maps the merge endpoints (lower case) to the model they merge.
var mergeRoutes = map[string]string{"mergecontacts": "contacts", "mergeaccounts": "accounts", "mergetickets": "tickets"}

// mergeModel returns the model a merge endpoint (e.g. "mergeContacts") merges, or "".
func mergeModel(seg string) string { return mergeRoutes[strings.ToLower(seg)] }

// merge answers POST merge{Contacts,Accounts,Tickets}.json?{model}[0]=a&{model}[1]=b:
// the first record survives unchanged, the others are removed, and every reference to
// them in the in-memory models (link fields and lists of links) names the survivor
// instead. The answer is 200 and the surviving record.
func (h *Handler) merge(name string, in *incoming, now time.Time) reply {
	if len(in.segs) != 1 {
		return errorReply(404, now, "Not found: too many path segments")
	}
	if in.method != http.MethodPost {
		return errorReply(405, now, "Method "+in.method+" is not allowed on "+in.path)
	}
	m := h.st.models[name]
	names := in.query.get(name).strings()
	if len(names) < 2 {
		return errorReply(400, now, "A merge needs at least two records: "+name+"[0]="+"...&"+name+"[1]=...")
	}
	s := h.st
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return errorReply(400, now, "The record "+n+" is named twice")
		}
		seen[n] = true
		if s.lookup(m, n) == nil {
			return notFound(now)
		}
	}
	survivor := s.lookup(m, names[0])
	t := s.tables[m.name]
	to := survivor.vals[m.index[m.nameField]]
	for _, n := range names[1:] {
		if t.synth != nil {
			t.synth.remove(n)
		} else {
			t.remove(n)
		}
		s.repoint(m.name, n, to)
	}
	return s.recordReply(200, m, survivor, nil, now)
}

// repoint makes every link to the record from (of model ref) in the in-memory models
// name to instead. Synthesised models keep their links.
func (s *store) repoint(ref, from string, to any) {
	toKey := nameKey(to)
	for name, om := range s.models {
		t := s.tables[name]
		if t.synth != nil {
			continue
		}
		for i, fd := range om.fields {
			if fd.ref != ref || (fd.kind != kFK && fd.kind != kMN) {
				continue
			}
			for _, r := range t.rows {
				switch v := r.vals[i].(type) {
				case []string:
					if j := slices.Index(v, from); j >= 0 {
						v = slices.Clone(v)
						if slices.Contains(v, toKey) {
							v = slices.Delete(v, j, j+1)
						} else {
							v[j] = toKey
						}
						r.vals[i] = v
					}
				default:
					if v != nil && fd.kind == kFK && nameKey(v) == from {
						r.vals[i] = to
					}
				}
			}
		}
	}
}
