// Package catalog is the model catalogue of the Daktela V6 API: every model (endpoint)
// dkscript knows, with its fields (name, type, related model, required, read-only,
// allowed values), its key (a string name or a counter), its relations
// ({model}/{name}/{relation}) and the custom-field keys of the demo instance.
//
// It is one table, built from public evidence of the real API (captured responses,
// the official API help's field lists, the official connectors' live tests). The fake
// server (daktela/daktelatest) derives its schema from it, and so do the REPL's
// completion of model names, "dkscript help api" and the model names of the
// TypeScript declarations. Models marked Partial list only the fields the evidence
// shows; the real records carry more.
//
// The package is pure Go data: no I/O, no JavaScript engine.
package catalog
