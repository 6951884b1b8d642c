// A failed assertion left uncaught: Node's AssertionError, reported at the script's line.
const assert = require("assert");
const calls = [{ id: "call_1", duration: 30 }];
assert.strictEqual(calls.length, 2, "expected two calls");
