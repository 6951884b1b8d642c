package jsfetch

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// hostRule is one entry of an allow list: a host name or address, and a port ("" for
// any port).
type hostRule struct {
	host string
	port string
}

// ParseHosts checks and normalises an allow list ("api.example.com",
// "127.0.0.1:8080", "[::1]:9000"): the hosts fetch may reach (see [Config.Hosts]). An
// entry with a scheme, a path or an empty host is an error naming it.
func ParseHosts(list []string) ([]string, error) {
	out := make([]string, 0, len(list))
	for _, h := range list {
		r, err := parseHostRule(h)
		if err != nil {
			return nil, err
		}
		if r.port == "" {
			out = append(out, r.host)
		} else {
			out = append(out, net.JoinHostPort(r.host, r.port))
		}
	}
	return out, nil
}

func parseHostRule(s string) (hostRule, error) {
	t := strings.TrimSpace(s)
	if t == "" || strings.ContainsAny(t, "/?#@ ") {
		return hostRule{}, fmt.Errorf("%q is not a host (want a name or address, with an optional :port)", s)
	}
	host, port := t, ""
	if h, p, err := net.SplitHostPort(t); err == nil {
		host, port = h, p
		if n, ok := atoiPort(p); !ok || n == 0 {
			return hostRule{}, fmt.Errorf("%q has an invalid port %q", s, p)
		}
	} else if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
		host = t[1 : len(t)-1]
	} else if strings.Count(t, ":") == 1 {
		return hostRule{}, fmt.Errorf("%q has an invalid port", s)
	}
	if host == "" {
		return hostRule{}, fmt.Errorf("%q has no host", s)
	}
	return hostRule{host: strings.ToLower(host), port: port}, nil
}

func atoiPort(p string) (int, bool) {
	if p == "" || len(p) > 5 {
		return 0, false
	}
	n := 0
	for _, c := range p {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= 65535
}

// allows reports whether a request to u may go out under rules (nil rules: any host).
func allows(rules []hostRule, u *url.URL) bool {
	if rules == nil {
		return true
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if port == "" {
		switch u.Scheme {
		case "https":
			port = "443"
		default:
			port = "80"
		}
	}
	for _, r := range rules {
		if r.host == host && (r.port == "" || r.port == port) {
			return true
		}
	}
	return false
}
