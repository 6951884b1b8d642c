package jsdaktela

import (
	"slices"

	"github.com/dop251/goja"
)

// props is the goja.DynamicObject part every Go-backed JS object shares: the
// properties a script adds to it, kept in insertion order. Methods live on the
// prototype (Get returns nil for them, so lookups fall through to it).
type props struct {
	keys []string
	vals map[string]goja.Value
}

// Get returns a property the script set, or nil.
func (p *props) Get(key string) goja.Value {
	if p.vals == nil {
		return nil
	}
	return p.vals[key]
}

// Set stores a property.
func (p *props) Set(key string, v goja.Value) bool {
	if p.vals == nil {
		p.vals = make(map[string]goja.Value)
	}
	if _, ok := p.vals[key]; !ok {
		// A new slice: a running for..in may hold the old one.
		p.keys = append(slices.Clip(p.keys), key)
	}
	p.vals[key] = v
	return true
}

// Has reports whether the script set key.
func (p *props) Has(key string) bool {
	_, ok := p.vals[key]
	return ok
}

// Delete removes a property.
func (p *props) Delete(key string) bool {
	if _, ok := p.vals[key]; ok {
		delete(p.vals, key)
		p.keys = slices.DeleteFunc(slices.Clone(p.keys), func(k string) bool { return k == key })
	}
	return true
}

// Keys lists the properties the script set, in order.
func (p *props) Keys() []string { return p.keys }
