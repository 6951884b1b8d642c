package runtime_test

import (
	"context"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// The runtime's own argument errors name what the script passed: setTimeout and
// queueMicrotask by type ("a string", "a number", "an object"), util.parseArgs in
// Node's words ("type string ('x')", "an instance of Date"). The wording is part of
// what scripts and the corpus see, so each kind of value is pinned here, booleans,
// BigInts and Symbols included (never by their Go type).
func TestArgumentErrorsNameTheValue(t *testing.T) {
	const src = `
const values = [
	["undefined", undefined], ["null", null], ["string", "x"], ["number", 5],
	["array", [1]], ["object", {a: 1}], ["date", new Date(0)], ["error", new Error("e")],
	["null-prototype", Object.create(null)],
	["boolean", true], ["bigint", 10n], ["symbol", Symbol("x")],
]
const show = (f) => { try { f(); console.log("no error") } catch (e) { console.log(e.message) } }
for (const [name, v] of values) {
	console.log("# " + name)
	show(() => setTimeout(v))
	show(() => queueMicrotask(v))
	show(() => require(v))
	show(() => require("util").parseArgs({args: [], strict: v}))
}
console.log("# function")
show(() => require(function named() {}))
show(() => require("util").parseArgs({args: [], strict: function named() {}}))
`
	rt, stdout, _ := newRT(t, runtime.Options{})
	if err := rt.RunString(context.Background(), "describe.js", src); err != nil {
		t.Fatal(err)
	}
	if got := stdout.String(); got != describeWant {
		t.Errorf("output:\n%s\nwant:\n%s", got, describeWant)
	}
}

const describeWant = `# undefined
setTimeout: the callback argument must be a function, got undefined
queueMicrotask: the callback argument must be a function, got undefined
require: the module name must be a string, got undefined
no error
# null
setTimeout: the callback argument must be a function, got null
queueMicrotask: the callback argument must be a function, got null
require: the module name must be a string, got null
The "strict" argument must be of type boolean. Received null
# string
setTimeout: the callback argument must be a function, got a string
queueMicrotask: the callback argument must be a function, got a string
Cannot find module 'x'. The modules are: daktela, assert, buffer, crypto, os, url, util (each also as "node:name"); a file of your own is required by its path, "./x.js"
The "strict" argument must be of type boolean. Received type string ('x')
# number
setTimeout: the callback argument must be a function, got a number
queueMicrotask: the callback argument must be a function, got a number
require: the module name must be a string, got a number
The "strict" argument must be of type boolean. Received type number (5)
# array
setTimeout: the callback argument must be a function, got an array
queueMicrotask: the callback argument must be a function, got an array
require: the module name must be a string, got an array
The "strict" argument must be of type boolean. Received an instance of Array
# object
setTimeout: the callback argument must be a function, got an object
queueMicrotask: the callback argument must be a function, got an object
require: the module name must be a string, got an object
The "strict" argument must be of type boolean. Received an instance of Object
# date
setTimeout: the callback argument must be a function, got an object
queueMicrotask: the callback argument must be a function, got an object
require: the module name must be a string, got an object
The "strict" argument must be of type boolean. Received an instance of Date
# error
setTimeout: the callback argument must be a function, got an object
queueMicrotask: the callback argument must be a function, got an object
require: the module name must be a string, got an object
The "strict" argument must be of type boolean. Received an instance of Error
# null-prototype
setTimeout: the callback argument must be a function, got an object
queueMicrotask: the callback argument must be a function, got an object
require: the module name must be a string, got an object
The "strict" argument must be of type boolean. Received [Object: null prototype]
# boolean
setTimeout: the callback argument must be a function, got a boolean
queueMicrotask: the callback argument must be a function, got a boolean
require: the module name must be a string, got a boolean
no error
# bigint
setTimeout: the callback argument must be a function, got a bigint
queueMicrotask: the callback argument must be a function, got a bigint
require: the module name must be a string, got a bigint
The "strict" argument must be of type boolean. Received type bigint (10n)
# symbol
setTimeout: the callback argument must be a function, got a symbol
queueMicrotask: the callback argument must be a function, got a symbol
require: the module name must be a string, got a symbol
The "strict" argument must be of type boolean. Received type symbol (Symbol(x))
# function
require: the module name must be a string, got a function
The "strict" argument must be of type boolean. Received function named
`
