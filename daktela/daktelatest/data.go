package daktelatest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Count returns how many records model has (the model name as in URLs; first letter
// case-insensitive); -1 for an unknown model.
func (h *Handler) Count(model string) int {
	m := lookupModel(h.st.models, model)
	if m == nil {
		return -1
	}
	h.st.mu.RLock()
	defer h.st.mu.RUnlock()
	t := h.st.tables[m.name]
	if t.synth != nil {
		return t.synth.count()
	}
	return len(t.rows)
}

// Record returns the record of model named name as the API would answer it (relations
// expanded), decoded into a map; ok is false when there is none.
func (h *Handler) Record(model, name string) (rec map[string]any, ok bool) {
	m := lookupModel(h.st.models, model)
	if m == nil {
		return nil, false
	}
	h.st.mu.RLock()
	r := h.st.lookup(m, name)
	if r == nil {
		h.st.mu.RUnlock()
		return nil, false
	}
	b := h.st.newRenderCtx().appendRecord(nil, m, r, h.st.topDepth(m), nil)
	h.st.mu.RUnlock()
	if err := json.Unmarshal(b, &rec); err != nil {
		panic("daktelatest: rendered invalid JSON: " + err.Error())
	}
	return rec, true
}

// Names returns the names of model's records in storage order (the first 1000 of a
// synthesised model, created ones after the base).
func (h *Handler) Names(model string) []string {
	m := lookupModel(h.st.models, model)
	if m == nil {
		return nil
	}
	h.st.mu.RLock()
	defer h.st.mu.RUnlock()
	t := h.st.tables[m.name]
	var out []string
	if t.synth != nil {
		for i := 0; i < t.synth.n && len(out) < 1000; i++ {
			if !t.synth.ov.deleted[i] {
				out = append(out, nameKey(t.synth.name(i)))
			}
		}
		for _, r := range t.synth.ov.added {
			if len(out) == 1000 {
				break
			}
			out = append(out, r.name(m))
		}
		return out
	}
	for _, r := range t.rows {
		out = append(out, r.name(m))
	}
	return out
}

// Models lists the endpoints the server serves.
func (h *Handler) Models() []string { return modelNames(h.st.models) }

func modelNames(ms map[string]*model) []string {
	var out []string
	for name, m := range ms {
		if !m.hidden {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// ExpireLoginTokens makes every token handed out by login.json invalid, so clients see
// 401 and must sign in again (or refresh). The static token keeps working.
func (h *Handler) ExpireLoginTokens() { h.auth.expireAll() }

// ExpireRefreshTokens makes every refresh token login.json handed out invalid, so a
// client's PUT login.json is 401 and it must sign in with its password again.
func (h *Handler) ExpireRefreshTokens() { h.auth.expireRefresh() }

// Login signs user in as login.json would and returns the access token, for tests that
// need a user other than admin. The password is not checked.
func (h *Handler) Login(user string) (token string, err error) {
	h.st.mu.RLock()
	_, ok := h.st.tables["users"].byName[user]
	h.st.mu.RUnlock()
	if !ok {
		return "", fmt.Errorf("daktelatest: no user %q", user)
	}
	token, _, _ = h.auth.issue(user, h.now())
	return token, nil
}

// ParseRecords parses a record-count spec for Options.Records: comma-separated
// model=count pairs, e.g. "campaignsRecords=100000,tickets=5000"; counts may use _ or
// a k/M suffix ("100k", "10M").
func ParseRecords(spec string) (map[string]int, error) {
	out := map[string]int{}
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		model, count, ok := strings.Cut(item, "=")
		if !ok || model == "" {
			return nil, fmt.Errorf("records %q: want model=count, e.g. campaignsRecords=100000", item)
		}
		n, err := parseCount(count)
		if err != nil || n < 0 || n > MaxRecords {
			return nil, fmt.Errorf("records %q: count must be a number from 0 to %d", item, MaxRecords)
		}
		out[strings.TrimSpace(model)] = n
	}
	return out, nil
}

func parseCount(s string) (int, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	mult := 1
	switch {
	case strings.HasSuffix(s, "k"), strings.HasSuffix(s, "K"):
		mult, s = 1000, s[:len(s)-1]
	case strings.HasSuffix(s, "M"), strings.HasSuffix(s, "m"):
		mult, s = 1000000, s[:len(s)-1]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxRecords {
		return 0, fmt.Errorf("not a count")
	}
	return n * mult, nil
}
