package jsdaktela

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// The ApiCommunicator (a client's transport settings), RetryConfig, RateLimitConfig and
// the logger bridge that brings the transport's log entries to a JS function.

// commHandle is the Go state of an ApiCommunicator object.
type commHandle struct {
	props
	ch *clientHandle
}

func (in *instance) commThis(call goja.FunctionCall, method string) *commHandle {
	if o, ok := call.This.(*goja.Object); ok {
		if h, ok := bindings.GoValue(o).(*commHandle); ok {
			return h
		}
	}
	panic(in.vm.NewTypeError("ApiCommunicator." + method + ": called on " + bindings.Describe(call.This) + ", not on an ApiCommunicator"))
}

// maxRequestTimeoutSeconds is the longest request timeout a script may set: a year.
const maxRequestTimeoutSeconds = 365 * 24 * 3600

// buildCommunicatorClass makes daktela.ApiCommunicator: the AUTHENTICATION_METHOD_
// constants and the setters (and getters) of client.getApiCommunicator().
func (in *instance) buildCommunicatorClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.commProto = p
	comm := func(call goja.FunctionCall, method string) (*daktela.ApiCommunicator, bindings.Args) {
		return in.commThis(call, method).ch.c.ApiCommunicator(), bindings.Args{VM: vm, Call: call, Method: method}
	}

	in.method(p, "setRequestTimeout", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setRequestTimeout")
		s := a.Number(0, "seconds")
		if s <= 0 || s > maxRequestTimeoutSeconds {
			a.Fail("seconds", "a number of seconds above 0 and at most 31536000 (a year)", a.Value(0))
		}
		d := time.Duration(s * float64(time.Second))
		refuseLocked(c, a, d != c.RequestTimeout())
		c.SetRequestTimeout(d)
		return call.This
	})
	in.method(p, "getRequestTimeout", func(call goja.FunctionCall) goja.Value {
		c, _ := comm(call, "getRequestTimeout")
		return vm.ToValue(c.RequestTimeout().Seconds())
	})
	in.method(p, "setAuthenticationMethod", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setAuthenticationMethod")
		m := a.String(0, "method")
		switch daktela.AuthMethod(m) {
		case daktela.AuthHeader, daktela.AuthQuery:
		default:
			a.Fail("method", "daktela.ApiCommunicator.AUTHENTICATION_METHOD_HEADER or AUTHENTICATION_METHOD_QUERY", a.Value(0))
		}
		refuseLocked(c, a, daktela.AuthMethod(m) != c.AuthenticationMethod())
		c.SetAuthenticationMethod(daktela.AuthMethod(m))
		return call.This
	})
	in.method(p, "getAuthenticationMethod", func(call goja.FunctionCall) goja.Value {
		c, _ := comm(call, "getAuthenticationMethod")
		return vm.ToValue(string(c.AuthenticationMethod()))
	})
	in.method(p, "setVerifySsl", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setVerifySsl")
		verify := a.Bool(0, "verify")
		refuseLocked(c, a, verify != c.VerifySsl())
		c.SetVerifySsl(verify)
		return call.This
	})
	in.method(p, "setUserAgentSuffix", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setUserAgentSuffix")
		suffix := ""
		if a.Has(0) {
			suffix = a.String(0, "suffix")
		} else if a.Len() == 0 {
			a.Throw("missing argument suffix (a string, or null to clear it)")
		} // null (PHP's ?string) clears the suffix
		refuseLocked(c, a, suffix != c.UserAgentSuffix())
		c.SetUserAgentSuffix(suffix)
		return call.This
	})
	in.method(p, "getUserAgent", func(call goja.FunctionCall) goja.Value {
		c, _ := comm(call, "getUserAgent")
		return vm.ToValue(c.UserAgent())
	})
	in.method(p, "setLogger", func(call goja.FunctionCall) goja.Value {
		h := in.commThis(call, "setLogger")
		a := bindings.Args{VM: vm, Call: call, Method: "setLogger"}
		ch := h.ch
		c := ch.c.ApiCommunicator()
		// A logger on a shared client would see every runtime's requests.
		refuseLocked(c, a, a.Has(0) || ch.log != nil)
		if !ch.hostKept {
			ch.host, ch.hostKept = c.Logger(), true
		}
		if !a.Has(0) {
			// The script's logger goes; the host's stays.
			ch.log = nil
			c.SetLogger(ch.host)
			return call.This
		}
		ch.log = a.Func(0, "logger")
		if ch.logs == nil {
			ch.logs = &logQueue{}
		}
		var handler slog.Handler = &queueHandler{q: ch.logs}
		if ch.host != nil {
			handler = &teeHandler{script: handler, host: ch.host.Handler()}
		}
		c.SetLogger(slog.New(handler))
		return call.This
	})
	in.method(p, "setRetryConfig", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setRetryConfig")
		rc := in.retryConfigOf(a, 0)
		refuseLocked(c, a, !sameRetry(rc, c.RetryConfig()))
		c.SetRetryConfig(rc)
		return call.This
	})
	in.method(p, "getRetryConfig", func(call goja.FunctionCall) goja.Value {
		c, _ := comm(call, "getRetryConfig")
		return in.retryObject(c.RetryConfig())
	})
	in.method(p, "setRateLimitConfig", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setRateLimitConfig")
		rl := in.rateLimitConfigOf(a, 0)
		refuseLocked(c, a, rl != c.RateLimitConfig())
		c.SetRateLimitConfig(rl)
		return call.This
	})
	in.method(p, "getRateLimitConfig", func(call goja.FunctionCall) goja.Value {
		c, _ := comm(call, "getRateLimitConfig")
		return in.rateLimitObject(c.RateLimitConfig())
	})
	in.method(p, "setRateCap", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setRateCap")
		n := a.Number(0, "perSecond")
		if n < 0 {
			a.Fail("perSecond", "0 (no cap) or more", a.Value(0))
		}
		refuseLocked(c, a, n != c.RateCap())
		c.SetRateCap(n)
		return call.This
	})
	in.method(p, "setConcurrency", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setConcurrency")
		n := a.Int(0, "concurrency")
		if n < 1 || n > maxConcurrency {
			a.Fail("concurrency", "an integer from 1 to "+itoa(maxConcurrency), a.Value(0))
		}
		refuseLocked(c, a, int(n) != c.Concurrency())
		c.SetConcurrency(int(n))
		return call.This
	})
	in.method(p, "setMaxResponseBytes", func(call goja.FunctionCall) goja.Value {
		c, a := comm(call, "setMaxResponseBytes")
		n := a.Int(0, "bytes")
		if n < 0 {
			a.Fail("bytes", "0 (no limit) or a number of bytes", a.Value(0))
		}
		refuseLocked(c, a, n != c.MaxResponseBytes())
		c.SetMaxResponseBytes(n)
		return call.This
	})
	in.method(p, "getMaxResponseBytes", func(call goja.FunctionCall) goja.Value {
		c, _ := comm(call, "getMaxResponseBytes")
		return vm.ToValue(c.MaxResponseBytes())
	})

	in.timezoneMethods(p)

	ctor := in.class("ApiCommunicator", p, in.noConstruct("ApiCommunicator", "client.getApiCommunicator()"))
	in.constant(ctor, "AUTHENTICATION_METHOD_HEADER", string(daktela.AuthHeader))
	in.constant(ctor, "AUTHENTICATION_METHOD_QUERY", string(daktela.AuthQuery))
	in.constant(ctor, "DEFAULT_MAX_RESPONSE_BYTES", daktela.DefaultMaxResponseBytes)
	return ctor
}

// options returns argument i as an options object, or nil when it is missing, undefined
// or null; a key not in known throws (a misspelt option is a mistake, not a no-op).
func options(a bindings.Args, i int, name string, known ...string) *goja.Object {
	o := a.OptObject(i, name)
	if o == nil {
		return nil
	}
	if o.ClassName() == "Array" {
		a.Fail(name, "an object", o)
	}
	for _, k := range o.Keys() {
		if !slices.Contains(known, k) {
			a.Throw("unknown option %q in %s (known: %s)", k, name, strings.Join(known, ", "))
		}
	}
	return o
}

// field reads option key of o (nil when o is nil or the key is undefined).
func field(o *goja.Object, key string) goja.Value {
	if o == nil {
		return nil
	}
	v := o.Get(key)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v
}

var retryKeys = []string{"maxRetries", "baseDelayMs", "maxDelayMs", "multiplier", "retryableStatusCodes", "retryOnConnectionError"}

// retryConfigOf reads a retry configuration: an options object (a RetryConfig made by
// the module is one) with PHP's defaults for what it leaves out.
func (in *instance) retryConfigOf(a bindings.Args, i int) daktela.RetryConfig {
	rc := daktela.DefaultRetryConfig()
	if i >= a.Len() {
		a.Throw("missing argument config (a daktela.RetryConfig or an options object)")
	}
	o := options(a, i, "config", retryKeys...)
	if o == nil {
		a.Fail("config", "a daktela.RetryConfig or an options object", a.Value(i))
	}
	in.applyRetryOptions(a, o, &rc, "config.")
	return rc
}

func (in *instance) applyRetryOptions(a bindings.Args, o *goja.Object, rc *daktela.RetryConfig, prefix string) {
	if v := field(o, "maxRetries"); v != nil {
		n, ok := bindings.IntOf(v)
		if !ok || n < 0 || n > 100 {
			a.Fail(prefix+"maxRetries", "an integer from 0 to 100", v)
		}
		rc.MaxRetries = int(n)
	}
	if v := field(o, "baseDelayMs"); v != nil {
		rc.BaseDelay = millis(a, prefix+"baseDelayMs", v)
	}
	if v := field(o, "maxDelayMs"); v != nil {
		rc.MaxDelay = millis(a, prefix+"maxDelayMs", v)
	}
	if v := field(o, "multiplier"); v != nil {
		f := v.ToFloat()
		if !goja.IsNumber(v) || math.IsNaN(f) || f < 1 || f > 100 {
			a.Fail(prefix+"multiplier", "a number from 1 to 100", v)
		}
		rc.Multiplier = f
	}
	if v := field(o, "retryableStatusCodes"); v != nil {
		arr, ok := v.(*goja.Object)
		if !ok || arr.ClassName() != "Array" {
			a.Fail(prefix+"retryableStatusCodes", "an array of HTTP statuses", v)
		}
		n := a.Length(arr, prefix+"retryableStatusCodes")
		codes := make([]int, 0, n)
		for j := 0; j < n; j++ {
			e := arr.Get(itoa(j))
			c, ok := bindings.IntOf(e)
			if !ok || c < 100 || c > 599 {
				a.Fail(prefix+"retryableStatusCodes["+itoa(j)+"]", "an HTTP status from 100 to 599", e)
			}
			codes = append(codes, int(c))
		}
		rc.RetryableStatusCodes = codes
	}
	if v := field(o, "retryOnConnectionError"); v != nil {
		b, ok := bindings.BoolOf(v)
		if !ok {
			a.Fail(prefix+"retryOnConnectionError", "a boolean", v)
		}
		rc.RetryOnConnectionError = b
	}
}

func millis(a bindings.Args, name string, v goja.Value) time.Duration {
	f := v.ToFloat()
	if !goja.IsNumber(v) || math.IsNaN(f) || f < 0 || f > 24*3600*1000 {
		a.Fail(name, "a number of milliseconds from 0 to one day", v)
	}
	return time.Duration(f * float64(time.Millisecond))
}

// retryObject returns a RetryConfig object for rc: its settings as properties, with
// PHP's getters on the prototype.
func (in *instance) retryObject(rc daktela.RetryConfig) *goja.Object {
	o := in.vm.CreateObject(in.retryProto)
	o.Set("maxRetries", rc.MaxRetries)
	o.Set("baseDelayMs", float64(rc.BaseDelay)/float64(time.Millisecond))
	o.Set("maxDelayMs", float64(rc.MaxDelay)/float64(time.Millisecond))
	o.Set("multiplier", rc.Multiplier)
	codes := make([]any, len(rc.RetryableStatusCodes))
	for i, c := range rc.RetryableStatusCodes {
		codes[i] = c
	}
	o.Set("retryableStatusCodes", in.vm.NewArray(codes...))
	o.Set("retryOnConnectionError", rc.RetryOnConnectionError)
	return o
}

// buildRetryConfigClass makes daktela.RetryConfig: new RetryConfig({...}) or
// positionally (maxRetries, baseDelayMs, maxDelayMs, multiplier, retryableStatusCodes,
// retryOnConnectionError), the presets aggressive() and disabled(), and PHP's getters.
func (in *instance) buildRetryConfigClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.retryProto = p
	getter := func(name, key string) {
		in.method(p, name, func(call goja.FunctionCall) goja.Value {
			return call.This.ToObject(vm).Get(key)
		})
	}
	getter("getMaxRetries", "maxRetries")
	getter("getBaseDelayMs", "baseDelayMs")
	getter("getMaxDelayMs", "maxDelayMs")
	getter("getMultiplier", "multiplier")
	getter("getRetryableStatusCodes", "retryableStatusCodes")
	getter("shouldRetryOnConnectionError", "retryOnConnectionError")
	in.method(p, "getDelayForAttempt", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "getDelayForAttempt"}
		n := a.Int(0, "attempt")
		o := call.This.ToObject(vm)
		d := o.Get("baseDelayMs").ToFloat() * math.Pow(o.Get("multiplier").ToFloat(), float64(n))
		return vm.ToValue(math.Min(math.Trunc(d), o.Get("maxDelayMs").ToFloat()))
	})
	in.method(p, "isRetryableStatus", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "isRetryableStatus"}
		n := a.Int(0, "statusCode")
		codes := call.This.ToObject(vm).Get("retryableStatusCodes").ToObject(vm)
		l := a.Length(codes, "this.retryableStatusCodes")
		for j := 0; j < l; j++ {
			if c, _ := bindings.IntOf(codes.Get(itoa(j))); c == n {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})

	ctor := in.class("RetryConfig", p, func(call goja.ConstructorCall) *goja.Object {
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.RetryConfig"}
		rc := daktela.DefaultRetryConfig()
		if a.Len() == 1 && a.Has(0) {
			if _, ok := a.Value(0).(*goja.Object); ok {
				in.applyRetryOptions(a, options(a, 0, "options", retryKeys...), &rc, "")
				return in.retryObject(rc)
			}
		}
		// Positional, as PHP's constructor.
		o := vm.NewObject()
		for i, k := range retryKeys {
			if a.Has(i) {
				o.Set(k, a.Value(i))
			}
		}
		in.applyRetryOptions(a, o, &rc, "")
		return in.retryObject(rc)
	})
	in.setFn(ctor, "aggressive", func(goja.FunctionCall) goja.Value { return in.retryObject(daktela.AggressiveRetryConfig()) })
	in.setFn(ctor, "disabled", func(goja.FunctionCall) goja.Value { return in.retryObject(daktela.DisabledRetryConfig()) })
	return ctor
}

var rateKeys = []string{"autoRetry", "maxWaitSeconds", "defaultWaitSeconds"}

func (in *instance) rateLimitConfigOf(a bindings.Args, i int) daktela.RateLimitConfig {
	rc := daktela.DefaultRateLimitConfig()
	if i >= a.Len() {
		a.Throw("missing argument config (a daktela.RateLimitConfig or an options object)")
	}
	o := options(a, i, "config", rateKeys...)
	if o == nil {
		a.Fail("config", "a daktela.RateLimitConfig or an options object", a.Value(i))
	}
	in.applyRateOptions(a, o, &rc, "config.")
	return rc
}

func (in *instance) applyRateOptions(a bindings.Args, o *goja.Object, rc *daktela.RateLimitConfig, prefix string) {
	if v := field(o, "autoRetry"); v != nil {
		b, ok := bindings.BoolOf(v)
		if !ok {
			a.Fail(prefix+"autoRetry", "a boolean", v)
		}
		rc.AutoRetry = b
	}
	secs := func(key string) (time.Duration, bool) {
		v := field(o, key)
		if v == nil {
			return 0, false
		}
		f := v.ToFloat()
		if !goja.IsNumber(v) || math.IsNaN(f) || f < 0 || f > 24*3600 {
			a.Fail(prefix+key, "a number of seconds from 0 to one day", v)
		}
		return time.Duration(f * float64(time.Second)), true
	}
	if d, ok := secs("maxWaitSeconds"); ok {
		rc.MaxWait = d
	}
	if d, ok := secs("defaultWaitSeconds"); ok {
		rc.DefaultWait = d
	}
}

func (in *instance) rateLimitObject(rc daktela.RateLimitConfig) *goja.Object {
	o := in.vm.CreateObject(in.rateProto)
	o.Set("autoRetry", rc.AutoRetry)
	o.Set("maxWaitSeconds", rc.MaxWait.Seconds())
	o.Set("defaultWaitSeconds", rc.DefaultWait.Seconds())
	return o
}

// buildRateLimitConfigClass makes daktela.RateLimitConfig: new RateLimitConfig({autoRetry,
// maxWaitSeconds, defaultWaitSeconds}) or positionally, with PHP's getters.
func (in *instance) buildRateLimitConfigClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.rateProto = p
	getter := func(name, key string) {
		in.method(p, name, func(call goja.FunctionCall) goja.Value {
			return call.This.ToObject(vm).Get(key)
		})
	}
	getter("shouldAutoRetry", "autoRetry")
	getter("getMaxWaitSeconds", "maxWaitSeconds")
	getter("getDefaultWaitSeconds", "defaultWaitSeconds")
	return in.class("RateLimitConfig", p, func(call goja.ConstructorCall) *goja.Object {
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.RateLimitConfig"}
		rc := daktela.DefaultRateLimitConfig()
		if a.Len() == 1 && a.Has(0) {
			if _, ok := a.Value(0).(*goja.Object); ok {
				in.applyRateOptions(a, options(a, 0, "options", rateKeys...), &rc, "")
				return in.rateLimitObject(rc)
			}
		}
		o := vm.NewObject()
		for i, k := range rateKeys {
			if a.Has(i) {
				o.Set(k, a.Value(i))
			}
		}
		in.applyRateOptions(a, o, &rc, "")
		return in.rateLimitObject(rc)
	})
}

// maxQueuedLogs bounds the entries waiting for the JS thread; older ones are dropped.
const maxQueuedLogs = 10000

// logQueue holds log entries made on transport goroutines until the JS thread takes
// them: JS may only run on its own goroutine.
type logQueue struct {
	mu      sync.Mutex
	entries []slog.Record
	dropped int
}

func (q *logQueue) push(r slog.Record) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.entries) >= maxQueuedLogs {
		q.entries = q.entries[1:]
		q.dropped++
	}
	q.entries = append(q.entries, r)
}

func (q *logQueue) take() ([]slog.Record, int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	e, d := q.entries, q.dropped
	q.entries, q.dropped = nil, 0
	return e, d
}

// queueHandler is the slog.Handler given to the Go client for a JS logger.
type queueHandler struct {
	q     *logQueue
	attrs []slog.Attr
}

func (h *queueHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *queueHandler) Handle(_ context.Context, r slog.Record) error {
	r = r.Clone()
	if len(h.attrs) > 0 {
		r.AddAttrs(h.attrs...)
	}
	h.q.push(r)
	return nil
}

func (h *queueHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &queueHandler{q: h.q, attrs: append(slices.Clip(h.attrs), attrs...)}
}

func (h *queueHandler) WithGroup(string) slog.Handler { return h }

// teeHandler sends every entry to the script's queue and to the logger the host
// configured, so a script's setLogger adds a logger and does not silence --verbose.
type teeHandler struct {
	script, host slog.Handler
}

func (t *teeHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return t.script.Enabled(ctx, l) || t.host.Enabled(ctx, l)
}

func (t *teeHandler) Handle(ctx context.Context, r slog.Record) error {
	var errs []error
	if t.script.Enabled(ctx, r.Level) {
		errs = append(errs, t.script.Handle(ctx, r.Clone()))
	}
	if t.host.Enabled(ctx, r.Level) {
		errs = append(errs, t.host.Handle(ctx, r))
	}
	return errors.Join(errs...)
}

func (t *teeHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &teeHandler{script: t.script.WithAttrs(attrs), host: t.host.WithAttrs(attrs)}
}

func (t *teeHandler) WithGroup(name string) slog.Handler {
	return &teeHandler{script: t.script.WithGroup(name), host: t.host.WithGroup(name)}
}

// drainLogs hands the queued log entries of ch to its JS logger, on the JS thread.
// An entry is {level, message, method, path, status, durationMs, attempt, bytes, error?}:
// the transport's attributes with their names in camelCase.
func (in *instance) drainLogs(ch *clientHandle) {
	if ch.logs == nil || ch.log == nil {
		return
	}
	entries, dropped := ch.logs.take()
	vm := in.vm
	if dropped > 0 {
		o := vm.NewObject()
		o.Set("level", "warn")
		o.Set("message", "log entries dropped: the logger fell behind")
		o.Set("dropped", dropped)
		if _, err := ch.log(goja.Undefined(), o); err != nil {
			panic(err)
		}
	}
	for _, r := range entries {
		o := vm.NewObject()
		o.Set("level", strings.ToLower(r.Level.String()))
		o.Set("message", r.Message)
		r.Attrs(func(at slog.Attr) bool {
			o.Set(camel(at.Key), attrValue(at.Value))
			return true
		})
		if _, err := ch.log(goja.Undefined(), o); err != nil {
			panic(err)
		}
	}
}

func attrValue(v slog.Value) any {
	v = v.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return v.String()
	case slog.KindInt64:
		return v.Int64()
	case slog.KindUint64:
		return v.Uint64()
	case slog.KindFloat64:
		return v.Float64()
	case slog.KindBool:
		return v.Bool()
	case slog.KindDuration:
		return float64(v.Duration()) / float64(time.Millisecond)
	case slog.KindTime:
		return v.Time().Format(time.RFC3339Nano)
	}
	return v.String()
}

// camel turns snake_case into camelCase ("duration_ms" → "durationMs").
func camel(s string) string {
	if !strings.Contains(s, "_") {
		return s
	}
	parts := strings.Split(s, "_")
	var b strings.Builder
	b.WriteString(parts[0])
	for _, p := range parts[1:] {
		if p != "" {
			b.WriteString(strings.ToUpper(p[:1]))
			b.WriteString(p[1:])
		}
	}
	return b.String()
}
