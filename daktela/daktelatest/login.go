package daktelatest

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Version is what whoim.json reports as the server version.
const Version = "2025.2 (daktelatest)"

// TokenTTL is how long an access token from login.json lives unless Options.TokenLife
// says otherwise; the refresh token lives for the life of the server (until used, or
// ExpireRefreshTokens).
const TokenTTL = time.Hour

// sessions holds the accepted tokens: the static token (user "admin", never expires)
// and the tokens login.json handed out.
type sessions struct {
	mu      sync.Mutex
	static  string
	seed    int64
	life    time.Duration
	n       uint64
	access  map[string]session
	refresh map[string]string // refresh token -> user
}

type session struct {
	user    string
	expires time.Time
}

func newSessions(seed int64, static string, life time.Duration) *sessions {
	if life == 0 {
		life = TokenTTL
	}
	return &sessions{static: static, seed: seed, life: life, access: map[string]session{}, refresh: map[string]string{}}
}

// user returns the login a token belongs to.
func (ss *sessions) user(token string, now time.Time) (string, bool) {
	if token == "" {
		return "", false
	}
	if token == ss.static {
		return "admin", true
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.access[token]
	if !ok || now.After(s.expires) {
		return "", false
	}
	return s.user, true
}

// issue hands out a new access and refresh token for user; tokens are a function of the
// seed and a counter, so runs are reproducible.
func (ss *sessions) issue(user string, now time.Time) (access, refresh string, expires time.Time) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.n++
	access = fmt.Sprintf("%016x%016x%08x", mix(uint64(ss.seed), ss.n, 1), mix(uint64(ss.seed), ss.n, 2), uint32(mix(ss.n, 3)))
	refresh = fmt.Sprintf("r%015x%016x", mix(uint64(ss.seed), ss.n, 4)>>4, mix(uint64(ss.seed), ss.n, 5))
	expires = now.Add(ss.life)
	ss.access[access] = session{user: user, expires: expires}
	ss.refresh[refresh] = user
	return
}

func (ss *sessions) useRefresh(token string) (string, bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	u, ok := ss.refresh[token]
	if ok {
		delete(ss.refresh, token)
	}
	return u, ok
}

// expireAll makes every login token invalid (the static token stays valid).
func (ss *sessions) expireAll() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	clear(ss.access)
}

// expireRefresh makes every refresh token invalid.
func (ss *sessions) expireRefresh() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	clear(ss.refresh)
}

// loginParam reads a login body value from a JSON or form body, or the query string.
func loginParam(in *incoming, vals map[string]any, key string) string {
	if v, ok := vals[key]; ok && v != nil {
		return fmt.Sprint(v)
	}
	if v, ok := in.query.str(key); ok {
		return v
	}
	return ""
}

// login answers POST login.json (username, password → tokens) and PUT login.json
// (refreshToken → new tokens).
func (h *Handler) login(in *incoming, now time.Time) reply {
	vals, err := bodyValues(in)
	if err != nil {
		return errorReply(400, now, err.Error())
	}
	var user string
	switch in.method {
	case "POST":
		username, password := loginParam(in, vals, "username"), loginParam(in, vals, "password")
		if username == "" || password == "" {
			return errorReply(400, now, "username and password are required")
		}
		h.st.mu.RLock()
		u := h.st.tables["users"].byName[username]
		h.st.mu.RUnlock()
		if u == nil || password != DemoPassword {
			return errorReply(401, now, "Invalid username or password")
		}
		user = username
	case "PUT":
		rt := loginParam(in, vals, "refreshToken")
		u, ok := h.auth.useRefresh(rt)
		if !ok {
			return errorReply(401, now, "Invalid or expired refresh token")
		}
		user = u
	default:
		return errorReply(405, now, "login.json takes POST (sign in) or PUT (refresh)")
	}
	access, refresh, exp := h.auth.issue(user, now)
	bp := getBuf()
	b := envelopeStart((*bp)[:0])
	if ot := loginParam(in, vals, "only_token"); in.method == "POST" && (ot == "1" || strings.EqualFold(ot, "true")) {
		b = appendString(b, access)
	} else {
		b = append(b, `{"accessToken":`...)
		b = appendString(b, access)
		b = append(b, `,"refreshToken":`...)
		b = appendString(b, refresh)
		b = append(b, `,"accessTokenExpirationDate":`...)
		b = appendString(b, exp.In(prague()).Format(dateLayout))
		b = append(b, '}')
	}
	b = envelopeEnd(b, now)
	*bp = b
	return reply{status: 200, body: bp}
}

// appendWhoimUser completes the user record rendered at the end of b as whoim.json
// answers it: _sys carries the access token the request used, and extensions lists the
// user's SIP devices (one per extension number the user has).
func appendWhoimUser(b []byte, um *model, r *record, token string) []byte {
	if !bytes.HasSuffix(b, []byte("}}")) {
		panic("daktelatest: a rendered record does not end with _sys") // programming error
	}
	b = append(b[:len(b)-2], `,"accessToken":`...)
	b = appendString(b, token)
	b = append(b, `},"extensions":[`...)
	if ext := r.str(um, "extension"); ext != "" {
		b = append(b, `{"name":`...)
		b = appendString(b, ext)
		b = append(b, `,"title":`...)
		b = appendString(b, r.str(um, "title")+" ("+ext+")")
		b = append(b, `,"type":"SIP","user":`...)
		b = appendString(b, r.name(um))
		b = append(b, '}')
	}
	return append(b, ']', '}')
}

// whoim answers whoim.json: the version and the token's user, or user null without a
// token. A token that is not valid is 401.
func (h *Handler) whoim(in *incoming, now time.Time) reply {
	var user string
	if in.token != "" {
		u, ok := h.auth.user(in.token, now)
		if !ok {
			return errorReply(401, now, "Unauthorized: invalid or expired access token")
		}
		user = u
	}
	h.st.mu.RLock()
	defer h.st.mu.RUnlock()
	bp := getBuf()
	b := envelopeStart((*bp)[:0])
	b = append(b, `{"version":`...)
	b = appendString(b, Version)
	b = append(b, `,"user":`...)
	um := h.st.models["users"]
	if r := h.st.lookup(um, user); user != "" && r != nil {
		b = appendWhoimUser(h.st.newRenderCtx().appendRecord(b, um, r, expandDepth, nil), um, r, in.token)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, '}')
	b = envelopeEnd(b, now)
	*bp = b
	return reply{status: 200, body: bp}
}
