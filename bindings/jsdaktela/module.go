// Package jsdaktela is the daktela JavaScript module: the PHP connector's builder API
// (RequestFactory, ReadRequest, Client, Response, iterate, exceptions, FormatHelper, ...)
// over the Go client in package daktela.
//
// Every API object a script touches is a goja object whose methods are Go closures of
// the form func(goja.FunctionCall) goja.Value on a prototype shared by all objects of
// its kind, so a chained builder call costs about as much as a call of a plain JS
// method. Objects that carry Go state (requests, clients, responses) are goja dynamic
// objects whose handler is the Go state; a method finds it with a type assertion on
// this.
package jsdaktela

import (
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// Config configures the module for one runtime.
type Config struct {
	// Client is what daktela.client() returns; nil makes daktela.client() throw a clear
	// error saying no connection is configured.
	Client *daktela.Client
	// AllowNewClients permits new daktela.Client(url, token), Client.getInstance and
	// daktela.login; without it they throw (embedders keep scripts to the given client).
	AllowNewClients bool
	// ConfigureClient, when set, is applied to every client a script makes (new
	// daktela.Client, Client.getInstance, daktela.login) before the script can use it:
	// the host gives those clients what it gave its own (dry-run, logging, rate cap,
	// retries, timeouts, TLS), so a script cannot leave them behind by making its own
	// client. A daktela.login client is configured before it signs in. A getInstance
	// client is configured when this runtime first hands it out.
	ConfigureClient func(*daktela.Client)
	// NoClientHelp, when set, is the advice daktela.client() gives when Client is nil:
	// how to configure a connection with this host ("use --url and DAKTELA_TOKEN, ...").
	NoClientHelp string
	// FileAccess permits the client's file calls (downloadRecording, downloadFile,
	// uploadFile and their Async forms); without it they throw.
	FileAccess bool
	// BaseDir is the directory relative paths of those calls resolve against; "": the
	// working directory. Results name files as the script gave them.
	BaseDir string
}

// New returns the daktela module configured by cfg.
func New(cfg Config) bindings.Module { return &module{cfg: cfg} }

type module struct{ cfg Config }

var (
	_ bindings.Module = (*module)(nil)
	_ bindings.Global = (*module)(nil)
)

// Name returns "daktela".
func (m *module) Name() string { return "daktela" }

// IsGlobal reports that the module is also the global daktela.
func (m *module) IsGlobal() bool { return true }

// Instantiate builds the module's exports for one runtime. It must be called on the
// runtime's goroutine.
func (m *module) Instantiate(h bindings.Host) (goja.Value, error) {
	in := &instance{cfg: m.cfg, host: h, vm: h.VM(), clients: map[*daktela.Client]*goja.Object{}, loc: bindings.HostLocation(h)}
	var exports *goja.Object
	if ex := in.vm.Try(func() { exports = in.build() }); ex != nil {
		return nil, ex
	}
	return exports, nil
}

// instance is the module in one runtime: the prototypes and classes it made there, and
// the JS objects of the clients it handed out (so daktela.client() === daktela.client()).
type instance struct {
	cfg  Config
	host bindings.Host
	vm   *goja.Runtime
	loc  *time.Location // the instance's time zone, for Dates sent to the API

	readProto, createProto, updateProto, deleteProto *goja.Object
	clientProto, commProto, responseProto            *goja.Object
	retryProto, rateProto                            *goja.Object

	errorCtor *goja.Object // the built-in Error, as it was when the module was made

	exc   exceptionClasses
	iters iterHelpers
	// watchCtor is js/watch.js's Watch class (made on first use); watches are the
	// async watches the current run started, stopped when it ends.
	watchCtor    *goja.Object
	watches      []*watchRun
	watchCleanup bool // the end-of-run cleanup that stops watches is registered

	clients map[*daktela.Client]*goja.Object
}

// build makes the exports object: everything of DESIGN §2 under the PHP connector's names.
func (in *instance) build() *goja.Object {
	vm := in.vm
	ex := vm.NewObject()
	in.errorCtor = vm.Get("Error").ToObject(vm)

	in.exc = in.newExceptionClasses()
	in.iters = in.newIterHelpers()

	// Requests and the factory.
	readCtor := in.buildReadRequestClass()
	ex.Set("ReadRequest", readCtor)
	ex.Set("RequestType", in.requestTypes()) // the PHP README's name for ReadRequest's constants
	ex.Set("CreateRequest", in.buildCreateRequestClass())
	ex.Set("UpdateRequest", in.buildUpdateRequestClass())
	ex.Set("DeleteRequest", in.buildDeleteRequestClass())
	factory := in.buildFactory()
	ex.Set("RequestFactory", factory)
	for _, k := range factory.Keys() {
		ex.Set(k, factory.Get(k))
	}

	// Clients, responses, transport settings.
	ex.Set("Response", in.buildResponseClass())
	ex.Set("ApiCommunicator", in.buildCommunicatorClass())
	ex.Set("RetryConfig", in.buildRetryConfigClass())
	ex.Set("RateLimitConfig", in.buildRateLimitConfigClass())
	ex.Set("Client", in.buildClientClass())
	in.setFn(ex, "client", in.configuredClient)
	in.setFn(ex, "login", in.login)
	in.setFn(ex, "chunk", in.chunk)

	// Exceptions and helpers.
	in.exc.export(ex)
	ex.Set("FormatHelper", in.buildFormatHelper())
	ex.Set("Phone", in.buildPhone())
	return ex
}

// fn wraps a Go function as a JavaScript function named name (the fast path: no
// reflection). The name is what stack traces show for the call.
func (in *instance) fn(name string, f func(goja.FunctionCall) goja.Value) *goja.Object {
	o := in.vm.ToValue(f).(*goja.Object)
	must(o.DefineDataProperty("name", in.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	return o
}

// setFn sets o[name] to the Go function f.
func (in *instance) setFn(o *goja.Object, name string, f func(goja.FunctionCall) goja.Value) {
	must(o.Set(name, in.fn(name, f)))
}

// method defines name on proto as a non-enumerable method, as a class body would.
func (in *instance) method(proto *goja.Object, name string, f func(goja.FunctionCall) goja.Value) {
	must(proto.DefineDataProperty(name, in.fn(name, f), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// constant defines a read-only, enumerable property.
func (in *instance) constant(o *goja.Object, name string, v any) {
	if err := o.DefineDataProperty(name, in.vm.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// class makes a constructor whose instances inherit proto, with proto.constructor set,
// so instanceof and the constructor's name work as for a JS class.
func (in *instance) class(name string, proto *goja.Object, construct func(goja.ConstructorCall) *goja.Object) *goja.Object {
	ctor := in.vm.ToValue(construct).(*goja.Object)
	must(ctor.DefineDataProperty("name", in.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	must(ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE))
	must(proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	return ctor
}

// noConstruct is the constructor of classes whose objects only come from the module.
func (in *instance) noConstruct(name, from string) func(goja.ConstructorCall) *goja.Object {
	return func(goja.ConstructorCall) *goja.Object {
		panic(in.vm.NewTypeError("daktela." + name + " objects come from " + from + "; they cannot be constructed"))
	}
}

// wrap makes the JS object for a Go-backed handle, inheriting proto.
func (in *instance) wrap(h goja.DynamicObject, proto *goja.Object) *goja.Object {
	o := in.vm.NewDynamicObject(h)
	must(o.SetPrototype(proto))
	return o
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
