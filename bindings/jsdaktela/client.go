package jsdaktela

import (
	"errors"
	"log/slog"
	"strconv"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// clientHandle is the Go state of a Client object. It holds no token: the Go client
// keeps it and never gives it out, so no script can read it.
type clientHandle struct {
	props
	c    *daktela.Client
	comm *goja.Object // the ApiCommunicator object, made on first use
	logs *logQueue    // entries logged by the transport, waiting for the JS thread
	log  goja.Callable
	// host is the logger the host gave the Go client (--verbose), kept when the script
	// first calls setLogger: the script's logger is added to it, never replaces it.
	host     *slog.Logger
	hostKept bool
}

// defaultExecuteAllConcurrency is how many requests executeAll sends at once unless told.
const defaultExecuteAllConcurrency = 4

// maxConcurrency is the largest concurrency executeAll, executeAllSettled, iterate and
// setConcurrency accept: each request in flight holds a connection and a file descriptor.
const maxConcurrency = 64

// clientObject returns the JS object for c, the same object every time.
func (in *instance) clientObject(c *daktela.Client) *goja.Object {
	if o, ok := in.clients[c]; ok {
		return o
	}
	o := in.wrap(&clientHandle{c: c}, in.clientProto)
	in.clients[c] = o
	return o
}

func (in *instance) clientThis(call goja.FunctionCall, method string) *clientHandle {
	if o, ok := call.This.(*goja.Object); ok {
		if h, ok := bindings.GoValue(o).(*clientHandle); ok {
			return h
		}
	}
	panic(in.vm.NewTypeError("Client." + method + ": called on " + bindings.Describe(call.This) + ", not on a daktela.Client"))
}

// requestArg returns argument i as the Go request of a request object, or throws.
func (in *instance) requestArg(a bindings.Args, i int, name string) (daktela.Request, *reqState) {
	if i >= a.Len() {
		a.Throw("missing argument %s (a request from daktela.RequestFactory)", name)
	}
	req, st := requestOf(a.Value(i))
	if req == nil {
		a.Fail(name, "a request from daktela.RequestFactory", a.Value(i))
	}
	return req, st
}

// mayCreateClients throws unless the host lets scripts make their own clients.
func (in *instance) mayCreateClients(what string) {
	if !in.cfg.AllowNewClients {
		panic(in.vm.NewTypeError(what + ": this runtime does not allow scripts to create clients; use daktela.client(), the connection the host configured"))
	}
}

// configuredClient is daktela.client().
func (in *instance) configuredClient(goja.FunctionCall) goja.Value {
	if in.cfg.Client == nil {
		msg := errNoClient.Error()
		if in.cfg.NoClientHelp != "" {
			msg = "daktela.client(): no Daktela connection is configured: " + in.cfg.NoClientHelp
		}
		panic(in.newError(msg))
	}
	return in.clientObject(in.cfg.Client)
}

// login is daktela.login(url, username, password).
func (in *instance) login(call goja.FunctionCall) goja.Value {
	in.mayCreateClients("daktela.login")
	a := bindings.Args{VM: in.vm, Call: call, Method: "daktela.login"}
	url := a.String(0, "url")
	user := a.String(1, "username")
	pass := a.String(2, "password")
	c := daktela.NewClient(url, "")
	in.configure(c) // before signing in: the sign-in request goes through the same transport
	if err := c.Login(in.host.Context(), user, pass); err != nil {
		in.throw(err)
	}
	return in.clientObject(c)
}

// newClientObject returns the JS object for a client the script made, applying the
// host's Config.ConfigureClient the first time this runtime hands c out.
func (in *instance) newClientObject(c *daktela.Client) *goja.Object {
	if o, ok := in.clients[c]; ok {
		return o
	}
	in.configure(c)
	return in.clientObject(c)
}

// configure applies the host's Config.ConfigureClient to a client a script made.
func (in *instance) configure(c *daktela.Client) {
	if in.cfg.ConfigureClient != nil {
		in.cfg.ConfigureClient(c)
	}
}

// buildClientClass makes daktela.Client: the constructor, getInstance and the methods.
func (in *instance) buildClientClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.clientProto = p
	in.addInspect(p, "getBaseUrl", "isDryRun")

	in.method(p, "execute", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "execute")
		req, st := in.requestArg(bindings.Args{VM: vm, Call: call, Method: "execute"}, 0, "request")
		if st.executed && st.response != nil {
			return st.response // as PHP: an executed request with a stored response is not sent again
		}
		resp, err := ch.c.Execute(in.host.Context(), req)
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return in.newResponse(resp)
	})
	in.method(p, "executeAsync", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "executeAsync")
		req, _ := in.requestArg(bindings.Args{VM: vm, Call: call, Method: "executeAsync"}, 0, "request")
		req = snapshot(req)
		frames := vm.CaptureCallStack(0, nil)
		promise, resolve, reject := vm.NewPromise()
		enqueue := in.host.RegisterCallback()
		ctx := in.host.Context()
		go func() {
			resp, err := ch.c.Execute(ctx, req)
			enqueue(func() error {
				in.drainLogs(ch)
				if err != nil {
					return reject(in.errorValue(err, frames))
				}
				return resolve(in.newResponse(resp))
			})
		}()
		return vm.ToValue(promise)
	})
	in.method(p, "executeAll", in.executeAll)
	in.method(p, "executeAllSettled", in.executeAllSettled)
	in.method(p, "iterate", func(call goja.FunctionCall) goja.Value {
		return in.iterate(in.clientThis(call, "iterate"), call)
	})
	in.method(p, "watch", func(call goja.FunctionCall) goja.Value {
		return in.watch(in.clientThis(call, "watch"), call)
	})
	in.method(p, "ping", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "ping")
		ok := ch.c.Ping(in.host.Context())
		in.drainLogs(ch)
		return vm.ToValue(ok)
	})
	in.method(p, "healthCheck", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "healthCheck")
		h := ch.c.HealthCheck(in.host.Context())
		in.drainLogs(ch)
		o := vm.NewObject()
		o.Set("healthy", h.Healthy)
		o.Set("latency_ms", h.LatencyMs)
		if h.Error != "" {
			o.Set("error", h.Error)
		} else {
			o.Set("status_code", h.StatusCode)
		}
		return o
	})
	in.mergeMethods(p)
	in.fileMethods(p)
	in.method(p, "getApiCommunicator", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "getApiCommunicator")
		if ch.comm == nil {
			ch.comm = in.wrap(&commHandle{ch: ch}, in.commProto)
		}
		return ch.comm
	})
	in.method(p, "getBaseUrl", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.clientThis(call, "getBaseUrl").c.BaseURL())
	})
	in.method(p, "isDryRun", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.clientThis(call, "isDryRun").c.ApiCommunicator().DryRun())
	})

	ctor := in.class("Client", p, func(call goja.ConstructorCall) *goja.Object {
		in.mayCreateClients("new daktela.Client")
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.Client"}
		url, token := in.clientArgs(a)
		return in.newClientObject(daktela.NewClient(url, token))
	})
	in.setFn(ctor, "getInstance", func(call goja.FunctionCall) goja.Value {
		in.mayCreateClients("daktela.Client.getInstance")
		a := bindings.Args{VM: vm, Call: call, Method: "daktela.Client.getInstance"}
		url, token := in.clientArgs(a)
		return in.newClientObject(daktela.GetInstance(url, token))
	})
	return ctor
}

// errNoClient is what daktela.client() throws when the host configured no connection.
var errNoClient = errors.New("daktela.client(): no Daktela connection is configured " +
	"(the host gave none: with the dkscript CLI use --url and DAKTELA_TOKEN, a profile, or --mock)")

func itoa(i int) string { return strconv.Itoa(i) }

// newError returns a plain Error with msg.
func (in *instance) newError(msg string) goja.Value {
	ctor, _ := goja.AssertConstructor(in.errorCtor)
	o, err := ctor(nil, in.vm.ToValue(msg))
	must(err)
	return o
}
