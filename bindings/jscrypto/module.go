// Package jscrypto is the crypto JavaScript module, the subset of Node's crypto a
// Daktela script needs: hashes and HMACs (webhook signatures, checksums of exports) and
// random identifiers.
//
//	const crypto = require("crypto"); // or "node:crypto"
//	crypto.createHash("sha256").update("text").digest("hex");
//	crypto.createHmac("sha256", secret).update(body).digest("base64");
//	crypto.randomUUID();
//	crypto.getRandomValues(new Uint8Array(16));
//
// createHash and createHmac take "md5", "sha1", "sha256" or "sha512"; update takes a
// string (UTF-8) or a Buffer, typed array, DataView or ArrayBuffer and returns the hash
// for chaining; digest takes "hex", "base64" or "base64url", or nothing for a Buffer.
// A hash is finished by digest: a second update or digest throws Node's
// "Digest already called" (code ERR_CRYPTO_HASH_FINALIZED).
//
// The module is also the global crypto, so crypto.randomUUID() and
// crypto.getRandomValues() work without require as in Node and browsers. Random values
// come from the operating system (Go's crypto/rand); getRandomValues fills an
// integer typed array of at most 65,536 bytes, as Web Crypto does.
//
// Every argument is checked: a wrong one throws a TypeError naming the function and the
// value, at the script's line.
package jscrypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// New returns the crypto module. It needs no capability: it reads no file and opens no
// connection.
func New() bindings.Module { return module{} }

type module struct{}

// Name returns "crypto".
func (module) Name() string { return "crypto" }

// IsGlobal reports true: the module is also the global crypto.
func (module) IsGlobal() bool { return true }

// algorithms are the digests createHash and createHmac know, by Node's names.
var algorithms = map[string]func() hash.Hash{
	"md5":    md5.New,
	"sha1":   sha1.New,
	"sha256": sha256.New,
	"sha512": sha512.New,
}

// algorithmList names the algorithms for error messages.
const algorithmList = `"md5", "sha1", "sha256" or "sha512"`

// MaxRandomBytes is the most bytes getRandomValues fills in one call, as Web Crypto.
const MaxRandomBytes = 65536

// Instantiate builds the module's exports for one runtime.
func (module) Instantiate(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	o := vm.NewObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	set("createHash", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "crypto.createHash"}
		newHash := algorithm(a)
		return newHashObject(vm, "Hash", newHash())
	})
	set("createHmac", func(call goja.FunctionCall) goja.Value {
		a := bindings.Args{VM: vm, Call: call, Method: "crypto.createHmac"}
		newHash := algorithm(a)
		if a.Len() < 2 {
			a.Throw("missing argument key (a string, Buffer or typed array)")
		}
		key := data(vm, call.Argument(1), "crypto.createHmac", "key")
		return newHashObject(vm, "Hmac", hmac.New(newHash, key))
	})
	set("getHashes", func(goja.FunctionCall) goja.Value {
		return vm.ToValue([]any{"md5", "sha1", "sha256", "sha512"})
	})
	set("randomUUID", func(goja.FunctionCall) goja.Value { return vm.ToValue(randomUUID()) })
	set("getRandomValues", func(call goja.FunctionCall) goja.Value {
		return getRandomValues(vm, call.Argument(0))
	})
	return o, nil
}

// algorithm returns the digest named by argument 0.
func algorithm(a bindings.Args) func() hash.Hash {
	name := a.String(0, "algorithm")
	f := algorithms[strings.ToLower(name)]
	if f == nil {
		a.Fail("algorithm", algorithmList, a.Value(0))
	}
	return f
}

// newHashObject wraps h as a Node Hash or Hmac object: update(data[, encoding]) and
// digest([encoding]).
func newHashObject(vm *goja.Runtime, class string, h hash.Hash) *goja.Object {
	o := vm.NewObject()
	done := false
	finalized := func() {
		e := plainError(vm, "Digest already called")
		_ = e.Set("code", "ERR_CRYPTO_HASH_FINALIZED")
		panic(e)
	}
	_ = o.Set("update", func(call goja.FunctionCall) goja.Value {
		if done {
			finalized()
		}
		method := class + ".update"
		if len(call.Arguments) == 0 {
			panic(vm.NewTypeError(method + ": missing argument data (a string, Buffer or typed array)"))
		}
		v := call.Argument(0)
		var b []byte
		if goja.IsString(v) {
			enc := bindings.Args{VM: vm, Call: call, Method: method}.OptString(1, "inputEncoding", "utf8")
			b = decodeString(vm, method, v.String(), enc)
		} else {
			b = data(vm, v, method, "data")
		}
		_, _ = h.Write(b)
		return o
	})
	_ = o.Set("digest", func(call goja.FunctionCall) goja.Value {
		if done {
			finalized()
		}
		a := bindings.Args{VM: vm, Call: call, Method: class + ".digest"}
		enc := ""
		if a.Has(0) {
			enc = a.String(0, "encoding")
		}
		sum := h.Sum(nil)
		done = true
		return encodeDigest(vm, a, sum, enc)
	})
	return o
}
