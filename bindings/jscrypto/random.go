package jscrypto

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// randomUUID returns a version 4 UUID from the operating system's random source.
func randomUUID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// getRandomValues fills the integer typed array v with random bytes and returns it, as
// Web Crypto does; other values throw Node's TypeMismatchError, more than
// [MaxRandomBytes] its QuotaExceededError.
func getRandomValues(vm *goja.Runtime, v goja.Value) goja.Value {
	b, integer, ok := view(vm, v)
	if !ok || !integer {
		panic(namedError(vm, "TypeMismatchError", fmt.Sprintf("crypto.getRandomValues: the argument must be an integer-type typed array (Uint8Array, Int32Array, ...), got %s", bindings.Describe(v)), 17))
	}
	if len(b) > MaxRandomBytes {
		panic(namedError(vm, "QuotaExceededError", fmt.Sprintf("crypto.getRandomValues: the requested length %d exceeds 65,536 bytes", len(b)), 22))
	}
	_, _ = rand.Read(b)
	return v
}

// namedError makes an Error with the DOMException name and code Node gives.
func namedError(vm *goja.Runtime, name, msg string, code int) *goja.Object {
	e := plainError(vm, msg)
	_ = e.Set("name", name)
	_ = e.Set("code", code)
	return e
}

// plainError makes a JavaScript Error with msg.
func plainError(vm *goja.Runtime, msg string) *goja.Object {
	e, err := vm.New(vm.Get("Error"), vm.ToValue(msg))
	if err != nil {
		return vm.NewGoError(fmt.Errorf("%s", msg))
	}
	return e
}
