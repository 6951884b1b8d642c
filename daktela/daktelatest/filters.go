package daktelatest

import (
	"fmt"
	"strconv"
	"strings"
)

// Operators is every filter operator the fake server accepts (reference §1.7): the
// union of the official connectors' lists, with begins/notbegins/ends/notends as
// aliases of startswith/endswith and their negations. Anything else (e.g. "nin", "ne")
// is answered with 400.
var Operators = []string{"eq", "neq", "gt", "gte", "lt", "lte", "like", "notlike", "contains",
	"doesnotcontain", "startswith", "endswith", "begins", "notbegins", "ends", "notends",
	"isnull", "isnotnull", "in", "notin"}

var knownOps = func() map[string]bool {
	m := map[string]bool{}
	for _, op := range Operators {
		m[op] = true
	}
	return m
}()

// queryError is a client mistake in the query; the server answers 400 with its text.
type queryError struct{ msg string }

func (e *queryError) Error() string { return e.msg }

func qerr(format string, args ...any) error { return &queryError{fmt.Sprintf(format, args...)} }

// getter reads the comparable values of a field path from a record: strings (booleans
// as "1"/"0", foreign keys as names, custom fields and M:N as several values) and
// whether the value is null.
type getter func(r *record) (vals []string, null bool)

// fnode is a compiled filter: a group (and/or) or a condition.
type fnode struct {
	or   bool
	kids []*fnode
	cond *cond
}

type cond struct {
	field      string
	get        getter
	kind       kind
	op         string
	vals       []string
	ignoreCase bool
}

// compileFilter reads the "filter" parameter in every form the API accepts: a Kendo
// group ({logic, filters: [...]}, nested to any depth), a single condition
// (filter[field]/[operator]/[value]), or a flat list (filter[0][field]..., implicit AND).
// Unknown fields and operators are errors (400).
func (s *store) compileFilter(m *model, n *pnode) (*fnode, error) {
	if n == nil {
		return nil, nil
	}
	if n.leaf {
		if n.val == "" {
			return nil, nil
		}
		return nil, qerr("filter must be a structure (filter[field], filter[operator], filter[value] or filter[logic] with filter[filters]), not %q", n.val)
	}
	return s.compileNode(m, n, "filter")
}

func (s *store) compileNode(m *model, n *pnode, at string) (*fnode, error) {
	if n.leaf {
		return nil, qerr("%s must be a filter condition or group, not the string %q", at, n.val)
	}
	if fs := n.get("filters"); fs != nil || n.get("logic") != nil {
		logic := "and"
		if l, ok := n.str("logic"); ok && l != "" {
			logic = strings.ToLower(l)
		}
		if logic != "and" && logic != "or" {
			return nil, qerr("%s[logic] must be \"and\" or \"or\", not %q", at, logic)
		}
		g := &fnode{or: logic == "or"}
		if fs == nil {
			return g, nil
		}
		if fs.leaf {
			return nil, qerr("%s[filters] must be a list of conditions", at)
		}
		for i, c := range fs.items() {
			k, err := s.compileNode(m, c, fmt.Sprintf("%s[filters][%d]", at, i))
			if err != nil {
				return nil, err
			}
			g.kids = append(g.kids, k)
		}
		return g, nil
	}
	if n.get("field") != nil {
		c, err := s.compileCond(m, n, at)
		if err != nil {
			return nil, err
		}
		return &fnode{cond: c}, nil
	}
	if n.isList() { // legacy flat list: implicit AND
		g := &fnode{}
		for i, c := range n.items() {
			k, err := s.compileNode(m, c, fmt.Sprintf("%s[%d]", at, i))
			if err != nil {
				return nil, err
			}
			g.kids = append(g.kids, k)
		}
		return g, nil
	}
	if len(n.keys) == 0 {
		return &fnode{}, nil
	}
	return nil, qerr("%s has no field: a condition needs %s[field] and %s[operator]", at, at, at)
}

func (s *store) compileCond(m *model, n *pnode, at string) (*cond, error) {
	fieldName, _ := n.str("field")
	op, ok := n.str("operator")
	if !ok || op == "" {
		op = "eq"
	}
	op = strings.ToLower(op)
	if !knownOps[op] {
		return nil, qerr("unknown filter operator %q in %s (known: %s)", op, at, strings.Join(Operators, ", "))
	}
	get, k, err := s.resolvePath(m, fieldName)
	if err != nil {
		return nil, err
	}
	c := &cond{field: fieldName, get: get, kind: k, op: op}
	if ic, ok := n.str("ignoreCase"); ok {
		c.ignoreCase = ic == "1" || strings.EqualFold(ic, "true")
	}
	v := n.get("value")
	if v == nil {
		v = n.get("0") // PHP README style: ["field" => ..., "operator" => ..., "value"] positional
	}
	switch op {
	case "isnull", "isnotnull":
		return c, nil
	case "in", "notin":
		c.vals = v.strings() // a missing list (PHP drops empty arrays) matches nothing / everything
	default:
		if v == nil {
			return nil, qerr("filter on %q with operator %q needs a value (%s[value])", fieldName, op, at)
		}
		if !v.leaf {
			return nil, qerr("filter on %q with operator %q takes one value, not a list (lists are for in and notin)", fieldName, op)
		}
		c.vals = []string{v.val}
	}
	for i, x := range c.vals {
		c.vals[i] = normalizeFilterValue(k, x)
	}
	return c, nil
}

// normalizeFilterValue makes a filter value comparable with stored values: booleans as
// 1/0, and a bare date as midnight (so "lte 2026-02-17" excludes that day, as the API).
func normalizeFilterValue(k kind, v string) string {
	switch k {
	case kBool:
		switch strings.ToLower(v) {
		case "true", "yes":
			return "1"
		case "false", "no", "":
			return "0"
		}
	case kDate:
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			return v + " 00:00:00"
		}
	}
	return v
}

// resolvePath turns a field path ("stage", "user.title", "customFields.email") into a
// getter. Unknown fields are errors.
func (s *store) resolvePath(m *model, path string) (getter, kind, error) {
	if path == "" {
		return nil, 0, qerr("a filter condition has no field")
	}
	head, rest, dotted := strings.Cut(path, ".")
	fd, ix := m.field(head)
	if fd == nil {
		if _, mistake := m.cat.Mistakes[head]; !mistake && m.partial {
			// The catalogue knows only some of the model's fields: another may be real.
			return func(*record) ([]string, bool) { return nil, true }, kStr, nil
		}
		return nil, 0, unknownField("filter", path, m)
	}
	if !dotted {
		return func(r *record) ([]string, bool) { return comparable(fd, r.vals[ix]) }, fd.kind, nil
	}
	switch fd.kind {
	case kCF:
		return func(r *record) ([]string, bool) {
			cf, _ := r.vals[ix].(*cfValues)
			v, ok := cf.get(rest)
			return v, !ok
		}, kStr, nil
	case kFK:
		refM := s.models[fd.ref]
		inner, k, err := s.resolvePath(refM, rest)
		if err != nil {
			return nil, 0, unknownField("filter", path, m)
		}
		return func(r *record) ([]string, bool) {
			v := r.vals[ix]
			if v == nil {
				return nil, true
			}
			rel := s.lookup(refM, nameKey(v))
			if rel == nil {
				return nil, true
			}
			return inner(rel)
		}, k, nil
	}
	return nil, 0, qerr("unknown filter field %q for model %s (%s has no sub-fields)", path, m.name, head)
}

// unknownField is the 400 for a filter or sort on a field the model does not have; it
// names the field to use when the name is a known mistake (users.username → name).
func unknownField(what, path string, m *model) error {
	head, _, _ := strings.Cut(path, ".")
	if use, ok := m.cat.Mistakes[head]; ok {
		return qerr("unknown %s field %q for model %s: use %s", what, path, m.name, strconv.Quote(use))
	}
	return qerr("unknown %s field %q for model %s", what, path, m.name)
}

// comparable returns the values of one field as strings.
func comparable(fd *field, v any) ([]string, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case string:
		return []string{x}, false
	case int64:
		return []string{strconv.FormatInt(x, 10)}, false
	case float64:
		return []string{strconv.FormatFloat(x, 'f', -1, 64)}, false
	case bool:
		if x {
			return []string{"1"}, false
		}
		return []string{"0"}, false
	case []string:
		return x, false
	case *cfValues:
		var all []string
		for _, vs := range x.vals {
			all = append(all, vs...)
		}
		return all, false
	case rawJSON:
		return []string{string(x)}, false
	}
	return []string{fmt.Sprint(v)}, false
}

// match evaluates a compiled filter on r (nil matches everything).
func (f *fnode) match(r *record) bool {
	if f == nil {
		return true
	}
	if f.cond != nil {
		return f.cond.match(r)
	}
	if f.or {
		if len(f.kids) == 0 {
			return true
		}
		for _, k := range f.kids {
			if k.match(r) {
				return true
			}
		}
		return false
	}
	for _, k := range f.kids {
		if !k.match(r) {
			return false
		}
	}
	return true
}

// negative operators hold when no value of a multi-valued field matches the positive one.
var negation = map[string]string{"neq": "eq", "notlike": "like", "doesnotcontain": "contains",
	"notbegins": "startswith", "notends": "endswith", "notin": "in"}

func (c *cond) match(r *record) bool {
	vals, null := c.get(r)
	switch c.op {
	case "isnull":
		return null
	case "isnotnull":
		return !null
	}
	if null { // as in SQL, a null value matches no comparison, negative ones included
		return false
	}
	if pos, ok := negation[c.op]; ok {
		for _, v := range vals {
			if c.test(pos, v) {
				return false
			}
		}
		return true
	}
	for _, v := range vals {
		if c.test(c.op, v) {
			return true
		}
	}
	return false
}

func (c *cond) test(op, v string) bool {
	want := ""
	if len(c.vals) > 0 {
		want = c.vals[0]
	}
	if c.ignoreCase {
		v = strings.ToLower(v)
		want = strings.ToLower(want)
	}
	switch op {
	case "eq":
		return v == want
	case "gt", "gte", "lt", "lte":
		cmp := compareValues(c.kind, v, want)
		switch op {
		case "gt":
			return cmp > 0
		case "gte":
			return cmp >= 0
		case "lt":
			return cmp < 0
		}
		return cmp <= 0
	case "like": // SQL LIKE under the database's case-insensitive collation
		return likeMatch(strings.ToLower(v), strings.ToLower(want))
	case "contains":
		return strings.Contains(v, want)
	case "startswith", "begins":
		return strings.HasPrefix(v, want)
	case "endswith", "ends":
		return strings.HasSuffix(v, want)
	case "in":
		for _, w := range c.vals {
			if c.ignoreCase {
				w = strings.ToLower(w)
			}
			if v == w {
				return true
			}
		}
		return false
	}
	return false
}

// compareValues compares numerically when both sides are numbers, else as strings
// (which orders "YYYY-MM-DD HH:MM:SS" datetimes correctly).
func compareValues(k kind, a, b string) int {
	if k == kInt || k == kFloat || k == kIntStr || k == kBool {
		fa, ea := strconv.ParseFloat(a, 64)
		fb, eb := strconv.ParseFloat(b, 64)
		if ea == nil && eb == nil {
			switch {
			case fa < fb:
				return -1
			case fa > fb:
				return 1
			}
			return 0
		}
	}
	return strings.Compare(a, b)
}

// likeMatch implements SQL LIKE: % is any run, _ any one character, \ escapes.
func likeMatch(s, pattern string) bool {
	sr, pr := []rune(s), []rune(pattern)
	// dp over pattern positions, iterative with backtracking on the last %.
	si, pi, star, mark := 0, 0, -1, 0
	for si < len(sr) {
		switch {
		case pi < len(pr) && pr[pi] == '\\' && pi+1 < len(pr) && pr[pi+1] == sr[si]:
			si++
			pi += 2
		case pi < len(pr) && (pr[pi] == '_' || (pr[pi] == sr[si] && pr[pi] != '%' && pr[pi] != '\\')):
			si++
			pi++
		case pi < len(pr) && pr[pi] == '%':
			star, mark = pi, si
			pi++
		case star >= 0:
			mark++
			si, pi = mark, star+1
		default:
			return false
		}
	}
	for pi < len(pr) && pr[pi] == '%' {
		pi++
	}
	return pi == len(pr)
}
