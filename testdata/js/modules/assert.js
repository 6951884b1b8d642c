// @node
// require("assert"): passing checks are silent, failing ones throw Node's
// AssertionError (code ERR_ASSERTION) with actual, expected and operator.
const assert = require("assert");
console.log(assert === require("node:assert"), typeof assert.AssertionError);
assert(true);
assert.ok(1);
assert.equal(1, "1");
assert.strictEqual(NaN, NaN);
assert.notStrictEqual(1, "1");
assert.deepStrictEqual({ a: [1, { b: new Date(0) }], m: new Map([["k", new Set([1])]]) }, { a: [1, { b: new Date(0) }], m: new Map([["k", new Set([1])]]) });
assert.notDeepStrictEqual({ a: 1 }, { a: "1" });
assert.throws(() => { throw new TypeError("bad queue"); }, TypeError);
assert.throws(() => { throw new Error("boom"); }, /boom/);
assert.throws(() => { throw new Error("boom"); }, { message: "boom" });
assert.match("call_123", /^call_\d+$/);

const failing = [
  () => assert.ok(0),
  () => assert(false, "custom message"),
  () => assert.equal(1, 2),
  () => assert.strictEqual(1, "1"),
  () => assert.notStrictEqual(1, 1),
  () => assert.deepStrictEqual([1, 2], [1, "2"]),
  () => assert.deepStrictEqual({ a: 1 }, { a: 1, b: undefined }),
  () => assert.throws(() => {}),
  () => assert.throws(() => { throw new TypeError("x"); }, RangeError),
  () => assert.throws(() => { throw new Error("boom"); }, /bam/),
  () => assert.fail("nope"),
  () => assert.strictEqual(1, 2, new RangeError("my own error")),
];
for (const f of failing) {
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(e.name, e.code, e instanceof assert.AssertionError, e.operator, e.generatedMessage, JSON.stringify(e.message.split("\n")[0]));
  }
}
assert.rejects(Promise.reject(new Error("later")), /later/).then(() => console.log("rejects ok"));
