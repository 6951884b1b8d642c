package daktelatest

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// FaultKind is a kind of injected failure.
type FaultKind string

// The fault kinds (see the package documentation for the spec syntax).
const (
	Fault5xx       FaultKind = "5xx"        // a 500/502/503/504 envelope (Status fixes one)
	FaultHTML      FaultKind = "html"       // a proxy's HTML 502 page, not JSON
	Fault429       FaultKind = "429"        // Too Many Requests, with Retry-After when RetryAfter is set
	FaultReset     FaultKind = "reset"      // the connection is dropped before any answer
	FaultResetBody FaultKind = "reset-body" // headers and half the body, then the connection is dropped
	FaultMalformed FaultKind = "malformed"  // 200 with a body that is not JSON
	FaultTruncated FaultKind = "truncated"  // 200 with the JSON cut in half (Content-Length matches the cut)
	FaultHang      FaultKind = "hang"       // no answer until the client gives up or the server closes
	FaultSlow      FaultKind = "slow"       // the real answer after Delay
	FaultCap       FaultKind = "cap"        // a list read answered with at most Take records (a lower page cap)
)

var faultKinds = []FaultKind{Fault5xx, FaultHTML, Fault429, FaultReset, FaultResetBody, FaultMalformed,
	FaultTruncated, FaultHang, FaultSlow, FaultCap}

// FaultRule injects one kind of fault into the requests it selects. A rule selects the
// requests that match Method and Path and then, counting only those (1-based):
// the numbers From..To when From is set, every Every-th when Every is set, otherwise
// each with probability Rate (decided by the server's seed, so a run is reproducible).
// A rule with no From, Every or Rate selects every matching request. Times caps how
// often it fires (0 = no cap). The first rule that selects a request wins.
type FaultRule struct {
	Kind       FaultKind
	Rate       float64       // probability 0..1
	From, To   int64         // select matching requests number From to To (To 0 = just From)
	Every      int64         // select every Every-th matching request
	Path       string        // only requests whose path below /api/v6/ contains this
	Method     string        // only requests with this method
	Times      int           // fire at most this many times (0 = unlimited)
	Status     int           // for 5xx: the status (0 = one of 500, 502, 503, 504, seeded)
	RetryAfter string        // for 429: the Retry-After header ("" = none)
	Delay      time.Duration // for slow: the delay (default 2s)
	Take       int           // for cap: the most records a list answer holds (default 500)
}

type faultCount struct {
	seen  int64 // matching requests so far
	fired int
}

// SetFaults replaces the fault rules (none: no faults). Counting starts afresh.
func (h *Handler) SetFaults(rules ...FaultRule) {
	h.faultMu.Lock()
	defer h.faultMu.Unlock()
	h.faults = append([]FaultRule(nil), rules...)
	h.faultCounts = make([]faultCount, len(rules))
}

// SetFaultSpec parses spec (see ParseFaults) and sets its rules.
func (h *Handler) SetFaultSpec(spec string) error {
	rules, err := ParseFaults(spec)
	if err != nil {
		return err
	}
	h.SetFaults(rules...)
	return nil
}

// pickFault returns the rule that fires for this request, if any.
func (h *Handler) pickFault(seq int64, in *incoming) *FaultRule {
	h.faultMu.Lock()
	defer h.faultMu.Unlock()
	for i := range h.faults {
		fr := &h.faults[i]
		if fr.Method != "" && !strings.EqualFold(fr.Method, in.method) {
			continue
		}
		if fr.Path != "" && !strings.Contains(in.path, fr.Path) {
			continue
		}
		c := &h.faultCounts[i]
		c.seen++
		if fr.Times > 0 && c.fired >= fr.Times {
			continue
		}
		var hit bool
		switch {
		case fr.From > 0:
			to := fr.To
			if to == 0 {
				to = fr.From
			}
			hit = c.seen >= fr.From && c.seen <= to
		case fr.Every > 0:
			hit = c.seen%fr.Every == 0
		case fr.Rate > 0:
			roll := float64(mix(uint64(h.seed), uint64(i), uint64(c.seen), 0xfa17)>>11) / (1 << 53)
			hit = roll < fr.Rate
		default:
			hit = true
		}
		if hit {
			c.fired++
			rule := *fr
			if rule.Kind == Fault5xx && rule.Status == 0 {
				rule.Status = []int{500, 502, 503, 504}[mix(uint64(h.seed), uint64(seq), 5)%4]
			}
			return &rule
		}
	}
	return nil
}

// applyFaultBefore injects the faults that replace the answer; true when it did.
func (h *Handler) applyFaultBefore(w http.ResponseWriter, r *http.Request, entry int, fr *FaultRule) bool {
	now := h.now()
	switch fr.Kind {
	case Fault5xx:
		h.deliver(w, r, entry, errorReply(fr.Status, now, http.StatusText(fr.Status)))
	case FaultHTML:
		bp := getBuf()
		*bp = append((*bp)[:0], "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n"...)
		h.deliver(w, r, entry, reply{status: 502, body: bp, html: true})
	case Fault429:
		rep := errorReply(429, now, "Too many requests")
		rep.retryAfter = fr.RetryAfter
		h.deliver(w, r, entry, rep)
	case FaultReset:
		dropConn(w, nil)
	case FaultHang:
		select {
		case <-r.Context().Done():
		case <-h.closing:
			dropConn(w, nil)
		}
	case FaultSlow:
		d := fr.Delay
		if d <= 0 {
			d = 2 * time.Second
		}
		return !h.wait(r.Context(), d)
	default:
		return false
	}
	return true
}

// applyFaultAfter injects the faults that damage the real answer; true when it did.
func (h *Handler) applyFaultAfter(w http.ResponseWriter, r *http.Request, entry int, fr *FaultRule, rep reply) bool {
	switch fr.Kind {
	case FaultMalformed:
		if rep.body != nil {
			putBuf(rep.body)
		}
		bp := getBuf()
		*bp = append((*bp)[:0], `{"error":[],"result":{"data":[{"name":"x",,}],"total":}`...)
		h.deliver(w, r, entry, reply{status: 200, body: bp})
	case FaultTruncated:
		if rep.body == nil {
			rep.body = getBuf()
			*rep.body = append((*rep.body)[:0], `{"error":[],"result":null}`...)
		}
		*rep.body = (*rep.body)[:len(*rep.body)/2]
		rep.status = 200
		h.deliver(w, r, entry, rep)
	case FaultResetBody:
		if rep.body == nil {
			dropConn(w, nil)
			return true
		}
		defer putBuf(rep.body)
		var head strings.Builder
		fmt.Fprintf(&head, "HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: %d\r\n\r\n",
			rep.status, http.StatusText(rep.status), len(*rep.body))
		dropConn(w, append([]byte(head.String()), (*rep.body)[:len(*rep.body)/2]...))
	default:
		return false
	}
	return true
}

// dropConn takes the connection over, writes partial (if any) and closes it with a TCP
// reset, as a crashing server or a broken proxy would.
func dropConn(w http.ResponseWriter, partial []byte) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // HTTP/2 or a recorder: abort the stream instead
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	if len(partial) > 0 {
		writeAll(buf, partial)
	}
	if tc, ok := conn.(*net.TCPConn); ok && len(partial) == 0 {
		tc.SetLinger(0)
	}
	conn.Close()
}

func writeAll(buf *bufio.ReadWriter, b []byte) {
	buf.Write(b)
	buf.Flush()
}

// ParseFaults parses a fault spec: comma-separated rules, each
//
//	kind[:rate][:key=value]...
//
// kind is one of 5xx, html, 429, reset, reset-body, malformed, truncated, hang, slow, cap;
// rate a probability from 0 to 1; keys are n (a request number or range "3-5" among
// the matching requests), every, path, method, times, status (5xx), retry (429's
// Retry-After seconds), d (slow's delay, e.g. 500ms), take (cap's page size). Example:
//
//	5xx:0.1,429:0.05:retry=1,reset-body:0.02,hang:n=3:path=tickets,cap:take=500
func ParseFaults(spec string) ([]FaultRule, error) {
	var rules []FaultRule
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		parts := strings.Split(item, ":")
		fr := FaultRule{Kind: FaultKind(strings.ToLower(parts[0]))}
		known := false
		for _, k := range faultKinds {
			known = known || k == fr.Kind
		}
		if !known {
			names := make([]string, len(faultKinds))
			for i, k := range faultKinds {
				names[i] = string(k)
			}
			return nil, fmt.Errorf("fault %q: unknown kind %q (known: %s)", item, parts[0], strings.Join(names, ", "))
		}
		for _, p := range parts[1:] {
			key, val, isKV := strings.Cut(p, "=")
			if !isKV {
				r, err := strconv.ParseFloat(p, 64)
				if err != nil || r < 0 || r > 1 {
					return nil, fmt.Errorf("fault %q: %q is not a rate from 0 to 1 nor key=value", item, p)
				}
				fr.Rate = r
				continue
			}
			bad := func(what string) error {
				return fmt.Errorf("fault %q: %s=%q is not %s", item, key, val, what)
			}
			switch strings.ToLower(key) {
			case "n":
				lo, hi, isRange := strings.Cut(val, "-")
				a, err := strconv.ParseInt(lo, 10, 64)
				if err != nil || a < 1 {
					return nil, bad("a request number (1 or more) or range like 3-5")
				}
				fr.From = a
				if isRange {
					b, err := strconv.ParseInt(hi, 10, 64)
					if err != nil || b < a {
						return nil, bad("a request range like 3-5")
					}
					fr.To = b
				}
			case "every":
				n, err := strconv.ParseInt(val, 10, 64)
				if err != nil || n < 1 {
					return nil, bad("a whole number of 1 or more")
				}
				fr.Every = n
			case "path":
				fr.Path = val
			case "method":
				fr.Method = strings.ToUpper(val)
			case "times":
				n, err := strconv.Atoi(val)
				if err != nil || n < 0 {
					return nil, bad("a whole number of 0 or more")
				}
				fr.Times = n
			case "status":
				n, err := strconv.Atoi(val)
				if err != nil || n < 500 || n > 599 {
					return nil, bad("a 5xx status")
				}
				fr.Status = n
			case "retry":
				n, err := strconv.Atoi(val)
				if err != nil || n < 0 {
					return nil, bad("a number of seconds")
				}
				fr.RetryAfter = val
			case "d", "delay":
				d, err := time.ParseDuration(val)
				if err != nil || d < 0 {
					return nil, bad("a duration like 500ms")
				}
				fr.Delay = d
			case "take":
				n, err := strconv.Atoi(val)
				if err != nil || n < 1 {
					return nil, bad("a page size of 1 or more")
				}
				fr.Take = n
			default:
				return nil, fmt.Errorf("fault %q: unknown option %q (known: n, every, path, method, times, status, retry, d, take)", item, key)
			}
		}
		rules = append(rules, fr)
	}
	return rules, nil
}
