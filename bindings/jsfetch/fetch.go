// Package jsfetch holds fetch and the WHATWG classes that go with it (Headers, Request,
// Response, AbortController, AbortSignal, DOMException), the common subset Node 20 and
// Deno scripts use to post a report to a chat webhook or call a CRM, on Go's net/http.
//
// Network access is a capability: [Config.Allowed] off (the runtime's default), fetch
// rejects with a TypeError saying so before anything is sent; [Config.Hosts] narrows it
// to a list of hosts, checked for every redirect as well. A request runs on the run's
// context, so stopping the run (Ctrl-C, a timeout, process.exit) stops it; an
// AbortSignal stops it too. The answer's body is read in full before fetch resolves,
// up to [Config.MaxResponseBytes]. fetch sends only what the script gives it: never the
// Daktela client's token, whatever the host. [Config.Logger] gets one entry per
// request, with the URL's user info and secret-looking query parameters redacted;
// headers and bodies are never logged.
//
// What differs from Node: bodies are strings, ArrayBuffers, typed arrays, DataViews
// and URLSearchParams (no Blob, FormData or streams: Response.body is not there, and a
// plain object as a body is a TypeError naming JSON.stringify rather than the text
// "[object Object]"); only http and https URLs; a failed fetch's TypeError says why
// ("fetch failed: ... connection refused (GET http://...)") where Node says only
// "fetch failed".
package jsfetch

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

//go:embed fetch.js
var fetchSource string

// SourceName is the name the classes' JavaScript runs under; errors passing through it
// are reported at the script's line (see [bindings.IsInternalSource]).
const SourceName = "<fetch>/fetch.js"

// Names are the globals [New] returns.
var Names = []string{"fetch", "Headers", "Request", "Response", "AbortController", "AbortSignal", "DOMException"}

// program is compiled on first use, not when the process starts: most scripts never
// use it.
var program = sync.OnceValue(func() *goja.Program { return goja.MustCompile(SourceName, fetchSource, true) })

// MaxRedirects is how many redirects one fetch follows, as in browsers and Node.
const MaxRedirects = 20

// Config is what a runtime allows fetch to do.
type Config struct {
	// Allowed grants network access; without it every fetch rejects.
	Allowed bool
	// Hosts, when not empty, are the only hosts fetch may reach: "name" (any port) or
	// "name:port" (see [ParseHosts]).
	Hosts []string
	// MaxResponseBytes limits the body of one answer: 0 is
	// daktela.DefaultMaxResponseBytes (64 MiB), less than 0 no limit.
	MaxResponseBytes int64
	// Logger, when set, gets one entry per request: method, URL (redacted), status,
	// duration, body size, redirects, and the error of a failed one.
	Logger *slog.Logger
	// Transport sends the requests; nil: a clone of http.DefaultTransport (proxies
	// from the environment).
	Transport http.RoundTripper
	// DeniedHelp, when set, is what the error of a fetch made without Allowed advises
	// (how this host grants network access); "": it names the Net capability.
	DeniedHelp string
}

// New builds the globals on h's VM and returns them by name (see [Names]). An invalid
// Config.Hosts entry is an error.
func New(h bindings.Host, cfg Config) (map[string]goja.Value, error) {
	f, err := newFetcher(h, cfg)
	if err != nil {
		return nil, err
	}
	vm := h.VM()
	v, err := vm.RunProgram(program())
	if err != nil {
		return nil, fmt.Errorf("jsfetch: %w", err)
	}
	build, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("jsfetch: the classes' source is not a function")
	}
	out, err := build(goja.Undefined(), f.natives())
	if err != nil {
		return nil, fmt.Errorf("jsfetch: %w", err)
	}
	o := out.ToObject(vm)
	m := make(map[string]goja.Value, len(Names))
	for _, n := range Names {
		m[n] = o.Get(n)
	}
	return m, nil
}

// sharedTransport is the transport of runtimes that give none: one pool of
// connections for the process.
var sharedTransport = http.DefaultTransport.(*http.Transport).Clone()

// fetcher is the Go half of one runtime's fetch.
type fetcher struct {
	h       bindings.Host
	vm      *goja.Runtime
	allowed bool
	// deniedHelp is what a fetch without network access is told.
	deniedHelp string
	rules      []hostRule // nil: any host
	limit      int64      // 0: none
	logger     *slog.Logger
	client     *http.Client

	mu       sync.Mutex
	inFlight map[int]context.CancelFunc // requests not yet answered, stopped when the run ends
	nextID   int
}

// closeHost is the optional interface of hosts that call back when a run ends
// (jsfs.CleanupHost): the requests a script left waiting stop then.
type closeHost interface {
	OnClose(fn func() error)
}

// stopAll cancels every request still in flight.
func (f *fetcher) stopAll() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for id, cancel := range f.inFlight {
		cancel()
		delete(f.inFlight, id)
	}
	return nil
}

// track keeps cancel until the returned function is called.
func (f *fetcher) track(cancel context.CancelFunc) (untrack func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	id := f.nextID
	f.inFlight[id] = cancel
	return func() {
		f.mu.Lock()
		delete(f.inFlight, id)
		f.mu.Unlock()
	}
}

func newFetcher(h bindings.Host, cfg Config) (*fetcher, error) {
	f := &fetcher{h: h, vm: h.VM(), allowed: cfg.Allowed, deniedHelp: cfg.DeniedHelp, logger: cfg.Logger, inFlight: map[int]context.CancelFunc{}}
	if f.deniedHelp == "" {
		f.deniedHelp = "the host grants it with the Net capability"
	}
	if ch, ok := h.(closeHost); ok {
		ch.OnClose(f.stopAll)
	}
	if len(cfg.Hosts) > 0 {
		f.rules = []hostRule{}
		for _, s := range cfg.Hosts {
			r, err := parseHostRule(s)
			if err != nil {
				return nil, fmt.Errorf("jsfetch: allowed host %w", err)
			}
			f.rules = append(f.rules, r)
		}
	}
	switch {
	case cfg.MaxResponseBytes == 0:
		f.limit = daktela.DefaultMaxResponseBytes
	case cfg.MaxResponseBytes > 0:
		f.limit = cfg.MaxResponseBytes
	}
	tr := cfg.Transport
	if tr == nil {
		tr = sharedTransport
	}
	f.client = &http.Client{Transport: tr}
	return f, nil
}

// natives are the Go functions the JavaScript calls.
func (f *fetcher) natives() *goja.Object {
	vm := f.vm
	n := vm.NewObject()
	_ = n.Set("check", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(f.check(call.Argument(0).String()))
	})
	_ = n.Set("send", f.send)
	_ = n.Set("encode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer([]byte(toUTF8(call.Argument(0).String()))))
	})
	_ = n.Set("decode", func(call goja.FunctionCall) goja.Value {
		b, _ := bytesOf(call.Argument(0))
		return vm.ToValue(strings.ToValidUTF8(strings.TrimPrefix(string(b), "\ufeff"), "\ufffd"))
	})
	_ = n.Set("unrefTimer", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(1))
		th, ok := f.h.(bindings.TimerHost)
		if !ok || fn == nil {
			return goja.Undefined()
		}
		d := time.Duration(call.Argument(0).ToFloat() * float64(time.Millisecond))
		stop := th.SetUnrefTimer(d, func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		return vm.ToValue(func(goja.FunctionCall) goja.Value { stop(); return goja.Undefined() })
	})
	return n
}

// check returns why a request to rawURL may not go out, or "".
func (f *fetcher) check(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "fetch: " + err.Error()
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Sprintf("fetch: only http and https URLs are supported, not %s (%s)", strings.TrimSuffix(u.Scheme, ":")+":", redactURL(u))
	}
	if !f.allowed {
		return fmt.Sprintf("fetch %s: network access is not allowed in this runtime (%s)", redactURL(u), f.deniedHelp)
	}
	if !allows(f.rules, u) {
		return fmt.Sprintf("fetch %s: %s is not among the hosts this run may reach (%s)", redactURL(u), u.Host, f.hostList())
	}
	return ""
}

func (f *fetcher) hostList() string {
	s := make([]string, len(f.rules))
	for i, r := range f.rules {
		s[i] = r.host
		if r.port != "" {
			s[i] = r.host + ":" + r.port
		}
	}
	return strings.Join(s, ", ")
}

// send starts a request: send(spec, done) with spec {url, method, headers: [[name,
// value]...], body: ArrayBuffer|null, redirect}; done(failure, result) is called on the
// loop when it ends. It returns a function that aborts the request.
func (f *fetcher) send(call goja.FunctionCall) goja.Value {
	vm := f.vm
	spec := call.Argument(0).ToObject(vm)
	done, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		panic(vm.NewTypeError("fetch: internal error: no callback"))
	}
	req := request{
		url:      spec.Get("url").String(),
		method:   spec.Get("method").String(),
		redirect: spec.Get("redirect").String(),
	}
	if hv := spec.Get("headers"); hv != nil {
		var pairs [][]string
		if err := vm.ExportTo(hv, &pairs); err == nil {
			req.headers = pairs
		}
	}
	if b, ok := bytesOf(spec.Get("body")); ok {
		req.body = bytes.Clone(b)
		req.hasBody = true
	}
	ctx, cancel := context.WithCancel(f.h.Context())
	untrack := f.track(cancel)
	enqueue := f.h.RegisterCallback()
	go func() {
		res := f.do(ctx, req)
		untrack()
		cancel()
		enqueue(func() error {
			_, err := done(goja.Undefined(), f.failureValue(res), f.resultValue(res))
			return err
		})
	}()
	return vm.ToValue(func(goja.FunctionCall) goja.Value {
		cancel()
		return goja.Undefined()
	})
}

// request is what send hands to the goroutine.
type request struct {
	url, method, redirect string
	headers               [][]string
	body                  []byte
	hasBody               bool
}

// result is how a request ended.
type result struct {
	failure    string // "" when an answer arrived
	status     int
	statusText string
	headers    [][2]string
	body       []byte
	url        string
	redirected bool
}

// do sends req and reads the answer, following redirects as req.redirect says.
func (f *fetcher) do(ctx context.Context, req request) result {
	start := time.Now()
	u, _ := url.Parse(req.url)
	shown := req.method + " " + redactURL(u)
	var body io.Reader
	if req.hasBody {
		body = bytes.NewReader(req.body)
	}
	hr, err := http.NewRequestWithContext(ctx, req.method, req.url, body)
	if err != nil {
		return f.logged(req.method, u, start, 0, result{failure: fmt.Sprintf("fetch failed: %v (%s)", err, shown)})
	}
	for _, kv := range req.headers {
		if len(kv) == 2 {
			hr.Header.Add(kv[0], kv[1])
		}
	}
	if hr.Header.Get("User-Agent") == "" {
		hr.Header.Set("User-Agent", "dkscript")
	}
	if hr.Header.Get("Accept") == "" {
		hr.Header.Set("Accept", "*/*")
	}
	redirects := 0
	client := *f.client
	client.CheckRedirect = func(next *http.Request, via []*http.Request) error {
		switch {
		case req.redirect == "manual":
			return http.ErrUseLastResponse
		case req.redirect == "error":
			return fmt.Errorf("redirected to %s, and the request's redirect mode is \"error\"", redactURL(next.URL))
		case len(via) > MaxRedirects:
			return errors.New("redirect count exceeded")
		case next.URL.Scheme != "http" && next.URL.Scheme != "https":
			return fmt.Errorf("redirected to an unsupported URL %s", redactURL(next.URL))
		case !allows(f.rules, next.URL):
			return fmt.Errorf("redirected to %s, which is not among the hosts this run may reach (%s)", redactURL(next.URL), f.hostList())
		}
		redirects++
		return nil
	}
	resp, err := client.Do(hr)
	if err != nil {
		return f.logged(req.method, u, start, redirects, result{failure: "fetch failed: " + f.reason(ctx, err) + " (" + shown + ")"})
	}
	defer resp.Body.Close()
	data, err := readBody(resp, f.limit)
	if err != nil {
		msg := f.reason(ctx, err)
		if errors.Is(err, errTooLarge) {
			msg = fmt.Sprintf("the answer is larger than the response size limit of %d bytes", f.limit)
		}
		return f.logged(req.method, u, start, redirects, result{failure: "fetch failed: " + msg + " (" + shown + ")", status: resp.StatusCode})
	}
	res := result{
		status:     resp.StatusCode,
		statusText: strings.TrimSpace(strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode))),
		body:       data,
		url:        resp.Request.URL.String(),
		redirected: redirects > 0,
	}
	for name, vals := range resp.Header {
		for _, v := range vals {
			res.headers = append(res.headers, [2]string{strings.ToLower(name), v})
		}
	}
	return f.logged(req.method, u, start, redirects, res)
}

// reason is the text of a failed request's error without Go's "Get \"url\":" prefix,
// which could show a secret in the URL.
func (f *fetcher) reason(ctx context.Context, err error) string {
	if ctx.Err() != nil {
		return "the request was stopped (" + context.Cause(ctx).Error() + ")"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// logged logs res (see Config.Logger) and returns it.
func (f *fetcher) logged(method string, u *url.URL, start time.Time, redirects int, res result) result {
	if f.logger == nil {
		return res
	}
	attrs := []slog.Attr{
		slog.String("method", method),
		slog.String("path", redactURL(u)),
		slog.Int("status", res.status),
		slog.Duration("duration", time.Since(start)),
	}
	level := slog.LevelInfo
	if res.failure != "" {
		level = slog.LevelWarn
		attrs = append(attrs, slog.String("error", res.failure))
	} else {
		attrs = append(attrs, slog.Int("bytes", len(res.body)))
	}
	if redirects > 0 {
		attrs = append(attrs, slog.Int("redirects", redirects))
	}
	f.logger.LogAttrs(context.Background(), level, "fetch", attrs...)
	return res
}

func (f *fetcher) failureValue(res result) goja.Value {
	if res.failure == "" {
		return goja.Null()
	}
	return f.vm.ToValue(res.failure)
}

func (f *fetcher) resultValue(res result) goja.Value {
	if res.failure != "" {
		return goja.Undefined()
	}
	vm := f.vm
	o := vm.NewObject()
	_ = o.Set("status", res.status)
	_ = o.Set("statusText", res.statusText)
	hs := make([]any, len(res.headers))
	for i, kv := range res.headers {
		hs[i] = vm.NewArray(kv[0], kv[1])
	}
	_ = o.Set("headers", vm.NewArray(hs...))
	_ = o.Set("body", vm.NewArrayBuffer(res.body))
	_ = o.Set("url", res.url)
	_ = o.Set("redirected", res.redirected)
	return o
}

var errTooLarge = errors.New("response too large")

// readBody reads an answer's body in full, failing with errTooLarge past limit bytes
// (0: no limit).
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	if limit > 0 {
		if resp.ContentLength > limit {
			return nil, errTooLarge
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
		if err == nil && int64(len(data)) > limit {
			return nil, errTooLarge
		}
		return data, err
	}
	return io.ReadAll(resp.Body)
}

// bytesOf returns the bytes of an ArrayBuffer, typed array or DataView value.
func bytesOf(v goja.Value) ([]byte, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, false
	}
	switch x := v.Export().(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case []byte:
		return x, true
	}
	return nil, false
}
