package daktela

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// redirectRule is which redirects a request may follow: the one redirect policy of the
// client, chosen per kind of request. Every request the client sends (API requests,
// sign-in, ping and the health check) goes through it.
type redirectRule uint8

const (
	// redirectSameOrigin is the rule of API requests, sign-in, ping and the health check:
	// a redirect is followed only to the same origin (scheme, host and port), so the
	// token, the password and a write's body never reach another host. A create, update
	// or delete follows no 301, 302 or 303 at all (net/http would send it again as a GET
	// and report the GET's success); a 307 or 308 keeps the method and body and is
	// followed to the same origin only.
	redirectSameOrigin redirectRule = iota
	// redirectStorage is the rule of file downloads: a read may also follow a redirect
	// to another origin (a storage host), only over https and with every credential
	// removed: no token header, no accessToken query parameter, no cookie, no Referer.
	redirectStorage
)

// maxRedirects is how many redirects one request follows at most.
const maxRedirects = 10

// ErrRedirect is wrapped by the error of a request whose answer redirects where the
// client does not follow: to another origin (the credentials stay with the instance),
// from https to http, or, for a create, update or delete, anywhere but a 307/308 to the
// same origin. RequestError.Status holds the redirect's status; nothing was sent to the
// redirect's target.
var ErrRedirect = errors.New("the server redirects the request where the client does not follow")

// redirectError is the error of a refused redirect. Its text never holds the token: the
// target is shown as scheme, host and path (no query, no user info), redacted.
type redirectError struct {
	status int
	msg    string
}

func (e *redirectError) Error() string { return e.msg }

func (e *redirectError) Unwrap() error { return ErrRedirect }

// redirectPolicy is the CheckRedirect of one request: rule, and the credentials the
// request carries (to keep them, or strip them, on the next hop).
type redirectPolicy struct {
	rule    redirectRule
	auth    AuthMethod
	secrets *secrets
}

// httpClient returns the HTTP client one attempt uses: the configured one with this
// request's redirect policy, a transport that makes no hidden re-sends
// ([noHiddenResends]) and, when it has a cookie jar, a jar that gives cookies to the
// request's origin only.
func (p redirectPolicy) httpClient(base *http.Client, origin *url.URL) *http.Client {
	hc := *base
	hc.CheckRedirect = p.check
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	hc.Transport = noHiddenResends{rt: rt}
	if hc.Jar != nil {
		hc.Jar = originJar{jar: hc.Jar, origin: origin}
	}
	return &hc
}

// check decides about the hop to req, after the requests in via (via[0] the first).
// It may change req: credentials are taken off a hop to another origin, and a
// same-origin hop of a query-authenticated request gets the token back when the
// redirect left it out.
func (p redirectPolicy) check(req *http.Request, via []*http.Request) error {
	first := via[0]
	status := 0
	if req.Response != nil {
		status = req.Response.StatusCode
	}
	refuse := func(format string, args ...any) error {
		return &redirectError{status: status, msg: fmt.Sprintf(format, args...)}
	}
	to := p.shown(req.URL)
	if len(via) >= maxRedirects {
		return refuse("stopped after %d redirects (the last to %s)", maxRedirects, to)
	}
	req.Header.Del("Referer") // it names the previous URL, with the token in query mode
	for _, v := range via {
		if v.URL.Scheme == "https" && req.URL.Scheme != "https" {
			return refuse("the server redirects from https to %s: not followed, nothing is sent over plain http", to)
		}
	}
	same := sameOrigin(first.URL, req.URL)
	// A download is a read whatever its method (download.php takes POST without a body).
	write := first.Method != http.MethodGet && first.Method != http.MethodHead && p.rule != redirectStorage
	switch {
	case write && status != http.StatusTemporaryRedirect && status != http.StatusPermanentRedirect:
		return refuse("the server redirects this %s to %s: a create, update or delete does not follow "+
			"a redirect (it would turn into a GET and report its success), so it was not sent there%s",
			first.Method, to, instanceHint(first.URL, req.URL))
	case same:
		if p.auth == AuthQuery && !p.secrets.empty() && p.secrets.token != "" && !hasQueryParam(req.URL.RawQuery, "accessToken") {
			if req.URL.RawQuery != "" {
				req.URL.RawQuery += "&"
			}
			req.URL.RawQuery += "accessToken=" + url.QueryEscape(p.secrets.token)
		}
		return nil
	case write || p.rule != redirectStorage:
		return refuse("the server redirects to another origin, %s: not followed, so the credentials "+
			"stay with %s%s", to, originOf(first.URL), instanceHint(first.URL, req.URL))
	case req.URL.Scheme != "https":
		return refuse("the server redirects to %s: a download follows another origin over https only", to)
	}
	// A download's hop to a storage host: nothing that identifies the user goes along.
	for _, h := range []string{"X-Auth-Token", "Authorization", "Cookie", "Cookie2", "Referer"} {
		req.Header.Del(h)
	}
	req.URL.RawQuery = dropQueryParam(req.URL.RawQuery, "accessToken")
	req.URL.User = nil
	if p.secrets.in(req.URL.String()) {
		return refuse("the redirect to %s names a credential: not followed", to)
	}
	return nil
}

// shown is how a redirect target appears in an error: scheme, host and path, without
// query or user info, with every secret redacted.
func (p redirectPolicy) shown(u *url.URL) string {
	return p.secrets.redact((&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath}).String())
}

// instanceHint suggests the instance URL when a redirect looks like the instance moved
// (to https, or to another host).
func instanceHint(from, to *url.URL) string {
	if from.Scheme == "http" && to.Scheme == "https" && from.Hostname() == to.Hostname() {
		return fmt.Sprintf(" (the instance URL, e.g. DAKTELA_URL, should be https://%s)", to.Host)
	}
	return ""
}

// sameOrigin reports whether a and b have the same scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// originOf returns scheme://host of u.
func originOf(u *url.URL) string { return (&url.URL{Scheme: u.Scheme, Host: u.Host}).String() }

// queryKey returns the unescaped key of one key=value part of a query.
func queryKey(part string) string {
	k, _, _ := strings.Cut(part, "=")
	if uk, err := url.QueryUnescape(k); err == nil {
		return uk
	}
	return k
}

// hasQueryParam reports whether the raw query has a parameter named key (case-insensitive).
func hasQueryParam(raw, key string) bool {
	for part := range strings.SplitSeq(raw, "&") {
		if strings.EqualFold(queryKey(part), key) {
			return true
		}
	}
	return false
}

// dropQueryParam removes every parameter named key (case-insensitive) from the raw
// query, leaving the other parameters byte for byte as they were (a storage host's
// signed URL must stay exact).
func dropQueryParam(raw, key string) string {
	if raw == "" {
		return raw
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, part := range parts {
		if !strings.EqualFold(queryKey(part), key) {
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, "&")
}

// originJar gives a cookie jar's cookies to requests to one origin only: a redirect to
// another host (a storage host, which cookies would reach whatever its port) gets none.
type originJar struct {
	jar    http.CookieJar
	origin *url.URL
}

func (j originJar) SetCookies(u *url.URL, cookies []*http.Cookie) { j.jar.SetCookies(u, cookies) }

func (j originJar) Cookies(u *url.URL) []*http.Cookie {
	if !sameOrigin(j.origin, u) {
		return nil
	}
	return j.jar.Cookies(u)
}
