package daktelatest

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// route answers a decoded request (faults aside).
func (h *Handler) route(in *incoming) reply {
	now := h.now()
	if !in.api {
		return errorReply(404, now, "Not found: the API lives under /api/v6/")
	}
	if len(in.segs) == 0 || in.segs[0] == "" {
		return errorReply(404, now, "Not found: missing model in /api/v6/{model}.json")
	}
	switch strings.ToLower(in.segs[0]) {
	case "login":
		return h.login(in, now)
	case "whoim":
		return h.whoim(in, now)
	}
	user, ok := h.auth.user(in.token, now)
	if !ok {
		return errorReply(401, now, "Unauthorized: invalid or missing access token")
	}
	if mm := mergeModel(in.segs[0]); mm != "" {
		return h.merge(mm, in, now)
	}
	m := lookupModel(h.st.models, in.segs[0])
	if m == nil {
		return errorReply(404, now, "Unknown endpoint \""+in.segs[0]+"\"")
	}
	if m.listOnly && (len(in.segs) > 1 || (in.method != http.MethodGet && in.method != http.MethodHead)) {
		return errorReply(405, now, m.name+" answers lists only: GET "+m.name+".json")
	}
	switch len(in.segs) {
	case 1:
		switch in.method {
		case http.MethodGet, http.MethodHead:
			return h.list(m, in, now)
		case http.MethodPost:
			return h.create(m, in, user, now)
		}
	case 2:
		switch in.method {
		case http.MethodGet, http.MethodHead:
			return h.single(m, in.segs[1], in, now)
		case http.MethodPut, http.MethodPatch:
			return h.update(m, in.segs[1], in, user, now)
		case http.MethodDelete:
			return h.remove(m, in.segs[1], now)
		}
	case 3:
		if in.method == http.MethodGet || in.method == http.MethodHead {
			return h.relation(m, in.segs[1], in.segs[2], in, now)
		}
	default:
		return errorReply(404, now, "Not found: too many path segments")
	}
	return errorReply(405, now, "Method "+in.method+" is not allowed on "+in.path)
}

// page is the paging, projection, search and ordering of a list read.
type page struct {
	skip, take int
	filter     *fnode
	sort       []sortKey
	proj       *projection
	search     string
}

// parsePage reads skip, take (default 100, clamped to 1000), filter, sort, fields, q.
func (s *store) parsePage(m *model, q *pnode) (*page, error) {
	p := &page{take: 100}
	if v, ok := q.str("skip"); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, qerr("skip must be a whole number of 0 or more, not %q", v)
		}
		p.skip = n
	}
	if v, ok := q.str("take"); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, qerr("take must be a whole number of 0 or more, not %q", v)
		}
		p.take = min(n, 1000)
	}
	var err error
	if p.filter, err = s.compileFilter(m, q.get("filter")); err != nil {
		return nil, err
	}
	if p.sort, err = s.parseSort(m, q); err != nil {
		return nil, err
	}
	p.proj = parseProjection(q)
	if v, ok := q.str("q"); ok && len(m.search) > 0 {
		p.search = strings.ToLower(strings.TrimSpace(v))
	}
	return p, nil
}

// capTake lowers the page size to n (a cap fault); 0 leaves it.
func (p *page) capTake(n int) {
	if n > 0 && p.take > n {
		p.take = n
	}
}

// searchMatch is the "q" full-text search: a case-insensitive substring of any of the
// model's search fields.
func (s *store) searchMatcher(m *model, text string) func(*record) bool {
	if text == "" {
		return nil
	}
	var gets []getter
	for _, path := range m.search {
		if g, _, err := s.resolvePath(m, path); err == nil {
			gets = append(gets, g)
		}
	}
	return func(r *record) bool {
		for _, g := range gets {
			vals, _ := g(r)
			for _, v := range vals {
				if strings.Contains(strings.ToLower(v), text) {
					return true
				}
			}
		}
		return false
	}
}

func (h *Handler) list(m *model, in *incoming, now time.Time) reply {
	h.st.mu.RLock()
	defer h.st.mu.RUnlock()
	p, err := h.st.parsePage(m, in.query)
	if err != nil {
		return errorReply(400, now, err.Error())
	}
	p.capTake(in.takeCap)
	t := h.st.tables[m.name]
	if t.synth != nil {
		return t.synth.list(p, now)
	}
	return h.st.listRows(m, t.rows, nil, p, now)
}

// listRows filters, searches, sorts and pages rows (those with keep true when keep is
// set) and renders the list envelope. The caller holds the read lock.
func (s *store) listRows(m *model, rows []*record, keep func(*record) bool, p *page, now time.Time) reply {
	search := s.searchMatcher(m, p.search)
	matched := make([]*record, 0, min(len(rows), 1024))
	for _, r := range rows {
		if keep != nil && !keep(r) {
			continue
		}
		if !p.filter.match(r) {
			continue
		}
		if search != nil && !search(r) {
			continue
		}
		matched = append(matched, r)
	}
	sortRecords(matched, p.sort)
	total := len(matched)
	lo := min(p.skip, total)
	hi := min(lo+p.take, total)
	return s.renderList(m, total, hi-lo, func(b []byte, rc *renderCtx, i int) []byte {
		return rc.appendRecord(b, m, matched[lo+i], expandDepth, p.proj)
	}, now)
}

// renderList writes {"error":[],"result":{"data":[...],"total":N},...}, each record
// appended by appendAt.
func (s *store) renderList(m *model, total, n int, appendAt func(b []byte, rc *renderCtx, i int) []byte, now time.Time) reply {
	bp := getBuf()
	b := envelopeStart((*bp)[:0])
	b = append(b, `{"data":[`...)
	rc := s.newRenderCtx()
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendAt(b, rc, i)
	}
	b = append(b, `],"total":`...)
	b = appendInt(b, int64(total))
	b = append(b, '}')
	b = envelopeEnd(b, now)
	*bp = b
	return reply{status: 200, body: bp}
}

// recordReply renders one record under result with the given status.
func (s *store) recordReply(status int, m *model, r *record, proj *projection, now time.Time) reply {
	bp := getBuf()
	b := envelopeStart((*bp)[:0])
	b = s.newRenderCtx().appendRecord(b, m, r, s.topDepth(m), proj)
	b = envelopeEnd(b, now)
	*bp = b
	return reply{status: status, body: bp}
}

func (h *Handler) single(m *model, name string, in *incoming, now time.Time) reply {
	h.st.mu.RLock()
	defer h.st.mu.RUnlock()
	r := h.st.lookup(m, name)
	if r == nil {
		return notFound(now)
	}
	return h.st.recordReply(200, m, r, parseProjection(in.query), now)
}

func (h *Handler) relation(m *model, name, rel string, in *incoming, now time.Time) reply {
	h.st.mu.RLock()
	defer h.st.mu.RUnlock()
	if rel != "" {
		rel = strings.ToLower(rel[:1]) + rel[1:]
	}
	rd, ok := m.relations[rel]
	if !ok {
		var known []string
		for k := range m.relations {
			known = append(known, k)
		}
		sort.Strings(known)
		return errorReply(404, now, "Unknown relation \""+rel+"\" of "+m.name+" (known: "+strings.Join(known, ", ")+")")
	}
	if h.st.lookup(m, name) == nil {
		return notFound(now)
	}
	child := h.st.models[rd.child]
	p, err := h.st.parsePage(child, in.query)
	if err != nil {
		return errorReply(400, now, err.Error())
	}
	p.capTake(in.takeCap)
	ct := h.st.tables[child.name]
	if ct.synth != nil {
		return errorReply(400, now, "relation reads of synthesised "+child.name+" are not supported by the fake server")
	}
	_, ix := child.field(rd.fk)
	return h.st.listRows(child, ct.rows, func(r *record) bool { return nameKey(r.vals[ix]) == name }, p, now)
}
