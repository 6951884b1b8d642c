package runtime_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// TestThrownValuesThatFightTheFormatter runs, through the embedding API, scripts that
// throw values whose reading runs their own code (Proxy traps, a revoked Proxy, an
// Error whose message getter throws or never returns), from the top level, a promise
// and a timer: each run returns a *ScriptError naming the script's line; none panics.
func TestThrownValuesThatFightTheFormatter(t *testing.T) {
	const getterThrows = `const e = new RangeError("hidden"); Object.defineProperty(e, "message", {get() { throw new Error("getter") }});`
	cases := []struct{ name, src, want string }{
		{"proxy traps throw", `const boom = () => { throw new Error("trap") };
throw new Proxy({id: 1}, {get: boom, getPrototypeOf: boom, ownKeys: boom, has: boom, getOwnPropertyDescriptor: boom})`,
			"t.js:2:1\nUncaught { id: 1 }"},
		{"revoked proxy", `const r = Proxy.revocable({}, {}); r.revoke();
throw r.proxy`, "t.js:2:1\nUncaught <Revoked Proxy>"},
		{"revoked proxy of an error", `const r = Proxy.revocable(new Error("x"), {}); r.revoke();
Promise.reject(r.proxy)`, "Uncaught (in promise) <Revoked Proxy>"},
		{"message getter throws", getterThrows + "\nthrow e", "Uncaught RangeError: <the message could not be read>"},
		{"message getter throws, rejected", getterThrows + "\nPromise.reject(e)", "Uncaught (in promise) RangeError: <the message could not be read>"},
		{"message getter throws, from a timer", getterThrows + "\nsetTimeout(() => { throw e }, 1)", "Uncaught RangeError: <the message could not be read>"},
		{"message getter loops", `const e = new Error("x"); Object.defineProperty(e, "message", {get() { for (;;) {} }});
throw e`, "Uncaught Error: <the message could not be read>"},
		{"name is a revoked proxy", `const r = Proxy.revocable({}, {}); r.revoke(); const e = new Error("m"); e.name = r.proxy;
throw e`, "Uncaught Error: m"},
		{"toString of the message throws", `const e = new Error("x"); e.message = {toString() { throw new Error("ts") }};
throw e`, "Uncaught Error: <the message could not be read>"},
		{"value of a GoError look-alike", `let proto; try { require("fs").readFileSync("/nonexistent/x") } catch (e) { proto = Object.getPrototypeOf(e) }
const x = Object.create(proto); Object.defineProperty(x, "value", {get() { throw new Error("v") }}); throw x`, "t.js:2:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt, _, _ := newRT(t, runtime.Options{Capabilities: runtime.Capabilities{FileAccess: true}})
			err := rt.RunString(context.Background(), "t.js", c.src)
			var se *runtime.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v, want a *ScriptError", err, err)
			}
			if !strings.Contains(se.Error(), c.want) {
				t.Errorf("report:\n%s\nwant it to contain:\n%s", se.Error(), c.want)
			}
			// The runtime stays usable.
			if v, err := rt.Eval(context.Background(), "1 + 1"); err != nil || v.ToInteger() != 2 {
				t.Errorf("after the error: %v %v", v, err)
			}
		})
	}
}

// TestInspectOfHostileValues checks Runtime.Inspect (what dkscript eval and the REPL
// print) on values whose reading throws or loops: a placeholder or Node's text, never a
// panic.
func TestInspectOfHostileValues(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	cases := []struct{ src, want string }{
		{`Object.create(new Proxy({}, {getPrototypeOf() { throw 1 }, get() { throw 2 }, getOwnPropertyDescriptor() { throw 3 }}))`, "<a value that could not be described>"},
		{`const e1 = new Error("x"); Object.defineProperty(e1, "stack", {get() { throw 1 }}); e1`, "<a value that could not be described>"},
		{`const e2 = new Error("x"); Object.defineProperty(e2, "stack", {get() { for (;;) {} }}); e2`, "<a value that could not be described>"},
		{`const r = Proxy.revocable({}, {}); r.revoke(); r.proxy`, "<Revoked Proxy>"},
		{`new Proxy([1, 2], {get() { throw 1 }})`, "[ 1, 2 ]"},
	}
	for _, c := range cases {
		v, err := rt.Eval(context.Background(), c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := rt.Inspect(v); got != c.want {
			t.Errorf("Inspect(%s) = %q, want %q", c.src, got, c.want)
		}
		if v, err := rt.Eval(context.Background(), "1 + 1"); err != nil || v.ToInteger() != 2 {
			t.Errorf("after Inspect(%s): %v %v", c.src, v, err)
		}
	}
}
