// Package jsdaktela is the daktela JavaScript module: the PHP connector's builder API
// (RequestFactory, ReadRequest, Client, Response, iterate, exceptions, FormatHelper, ...)
// over the Go client in package daktela.
//
// PLACEHOLDER API: the bindings helper implements it.
package jsdaktela

import (
	"errors"

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
}

// New returns the daktela module configured by cfg.
func New(cfg Config) bindings.Module { return &module{cfg: cfg} }

type module struct{ cfg Config }

// Name returns "daktela".
func (m *module) Name() string { return "daktela" }

// IsGlobal reports that the module is also the global daktela.
func (m *module) IsGlobal() bool { return true }

// Instantiate builds the module's exports for one runtime.
func (m *module) Instantiate(h bindings.Host) (goja.Value, error) {
	return nil, errors.New("not implemented")
}
