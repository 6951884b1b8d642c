// Package jsweb holds the web-platform globals Node and Deno scripts take for granted:
// TextEncoder and TextDecoder (UTF-8), atob and btoa, structuredClone and
// performance.now(). They need no capability: they read no file and open no connection.
//
// They behave as Node 20's do, errors included: btoa of a character above U+00FF and
// atob of text that is not base64 throw an InvalidCharacterError, structuredClone of a
// function or symbol a DataCloneError ("() => 1 could not be cloned."), a fatal
// TextDecoder's decode of bytes that are not UTF-8 a TypeError with the code
// ERR_ENCODING_INVALID_ENCODED_DATA. TextDecoder decodes UTF-8 only: another label is a
// RangeError. structuredClone copies plain data: primitives, arrays, plain objects
// (class instances become plain objects, as in Node), Date, RegExp, Map, Set, errors,
// ArrayBuffers and typed arrays, keeping shared and circular references.
package jsweb

import (
	_ "embed"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

//go:embed web.js
var webSource string

// SourceName is the name the globals' JavaScript runs under; errors passing through it
// are reported at the script's line (see [bindings.IsInternalSource]).
const SourceName = "<web>/web.js"

// Names are the globals [New] returns, in this order.
var Names = []string{"TextEncoder", "TextDecoder", "atob", "btoa", "structuredClone", "performance"}

// program is compiled on first use, not when the process starts: most scripts never
// use it.
var program = sync.OnceValue(func() *goja.Program { return goja.MustCompile(SourceName, webSource, true) })

// New builds the globals on vm and returns them by name (see [Names]).
func New(vm *goja.Runtime) (map[string]goja.Value, error) {
	f, err := vm.RunProgram(program())
	if err != nil {
		return nil, fmt.Errorf("jsweb: %w", err)
	}
	build, ok := goja.AssertFunction(f)
	if !ok {
		return nil, fmt.Errorf("jsweb: the globals' source is not a function")
	}
	v, err := build(goja.Undefined(), natives(vm))
	if err != nil {
		return nil, fmt.Errorf("jsweb: %w", err)
	}
	o := v.ToObject(vm)
	out := make(map[string]goja.Value, len(Names))
	for _, n := range Names {
		out[n] = o.Get(n)
	}
	return out, nil
}

// natives are the Go halves of the globals the JavaScript wraps.
func natives(vm *goja.Runtime) *goja.Object {
	n := vm.NewObject()
	start := time.Now()
	_ = n.Set("now", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(float64(time.Since(start).Nanoseconds()) / 1e6)
	})
	_ = n.Set("encode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer([]byte(toUTF8(call.Argument(0).String()))))
	})
	_ = n.Set("encodeInto", func(call goja.FunctionCall) goja.Value {
		return encodeInto(vm, call.Argument(0).String(), call.Argument(1))
	})
	_ = n.Set("decode", func(call goja.FunctionCall) goja.Value {
		b, ok := bytesOf(vm, call.Argument(0))
		if !ok {
			e := vm.NewTypeError(bindings.ArgMessage("TextDecoder.decode", "input", "an ArrayBuffer, typed array or DataView", call.Argument(0)))
			_ = e.Set("code", "ERR_INVALID_ARG_TYPE")
			panic(e)
		}
		s, ok := decodeUTF8(b, call.Argument(1).ToBoolean(), call.Argument(2).ToBoolean())
		if !ok {
			e := vm.NewTypeError("The encoded data was not valid for encoding utf-8")
			_ = e.Set("code", "ERR_ENCODING_INVALID_ENCODED_DATA")
			panic(e)
		}
		return vm.ToValue(s)
	})
	_ = n.Set("btoa", func(call goja.FunctionCall) goja.Value {
		s, ok := btoa(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(s)
	})
	_ = n.Set("atob", func(call goja.FunctionCall) goja.Value {
		s, status := atob(call.Argument(0).String())
		if status != atobOK {
			return vm.ToValue(status)
		}
		return vm.ToValue(s)
	})
	return n
}

// toUTF8 returns s (a goja string, whose lone surrogates Go sees as U+FFFD) as UTF-8.
func toUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}
