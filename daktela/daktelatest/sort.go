package daktelatest

import (
	"slices"
	"strings"
)

// sortKey is one compiled sort key.
type sortKey struct {
	field string
	get   getter
	kind  kind
	desc  bool
}

// parseSort reads sort[i][field]/sort[i][dir] (PHP connector), the single un-indexed
// sort[field]/sort[dir] object (JS connector), and a bare sort=field. Unknown fields and
// directions are errors (400).
func (s *store) parseSort(m *model, q *pnode) ([]sortKey, error) {
	n := q.get("sort")
	if n == nil {
		return nil, nil
	}
	var specs []*pnode
	switch {
	case n.leaf:
		if n.val == "" {
			return nil, nil
		}
		specs = []*pnode{{kids: map[string]*pnode{"field": {leaf: true, val: n.val}}, keys: []string{"field"}}}
	case n.get("field") != nil:
		specs = []*pnode{n}
	default:
		specs = n.items()
	}
	var keys []sortKey
	for _, sp := range specs {
		field, ok := sp.str("field")
		if !ok || field == "" {
			return nil, qerr("every sort key needs a field (sort[0][field]=created&sort[0][dir]=asc)")
		}
		dir, _ := sp.str("dir")
		dir = strings.ToLower(dir)
		if dir != "" && dir != "asc" && dir != "desc" {
			return nil, qerr("sort direction for %q must be asc or desc, not %q", field, dir)
		}
		get, k, err := s.resolvePath(m, field)
		if err != nil {
			return nil, unknownField("sort", field, m)
		}
		keys = append(keys, sortKey{field: field, get: get, kind: k, desc: dir == "desc"})
	}
	return keys, nil
}

// sortRecords sorts rows stably by keys; nulls sort first ascending, as in SQL.
func sortRecords(rows []*record, keys []sortKey) {
	if len(keys) == 0 {
		return
	}
	slices.SortStableFunc(rows, func(a, b *record) int {
		for _, k := range keys {
			c := compareField(k, a, b)
			if c != 0 {
				if k.desc {
					return -c
				}
				return c
			}
		}
		return 0
	})
}

func compareField(k sortKey, a, b *record) int {
	av, an := k.get(a)
	bv, bn := k.get(b)
	switch {
	case an && bn:
		return 0
	case an:
		return -1
	case bn:
		return 1
	}
	switch {
	case len(av) == 0 && len(bv) == 0:
		return 0
	case len(av) == 0:
		return -1
	case len(bv) == 0:
		return 1
	}
	return compareValues(k.kind, av[0], bv[0])
}
