(function (inspect) {
  "use strict";
  const show = (v) => { try { return inspect(v); } catch (_) { return String(v); } };

  class AssertionError extends Error {
    constructor(options) {
      super(options.message);
      this.generatedMessage = !options.userMessage;
      this.code = "ERR_ASSERTION";
      this.actual = options.actual;
      this.expected = options.expected;
      this.operator = options.operator;
    }
  }
  Object.defineProperty(AssertionError.prototype, "name", { value: "AssertionError", writable: true, configurable: true });

  function fail(actual, expected, message, generated, operator) {
    if (message instanceof Error) throw message;
    throw new AssertionError({ message: message === undefined ? generated : String(message), userMessage: message !== undefined, actual, expected, operator });
  }

  function isDeepStrictEqual(a, b, seen) {
    if (Object.is(a, b)) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) return false;
    seen = seen || new Map();
    if (seen.get(a) === b) return true;
    seen.set(a, b);
    if (a instanceof Date) { if (!Object.is(a.getTime(), b.getTime())) return false; }
    else if (a instanceof RegExp) { if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false; }
    else if (a instanceof Error) { if (a.message !== b.message || a.name !== b.name) return false; }
    else if (a instanceof Number || a instanceof String || a instanceof Boolean) { if (!Object.is(a.valueOf(), b.valueOf())) return false; }
    if (ArrayBuffer.isView(a)) {
      if (a.byteLength !== b.byteLength) return false;
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) { if (!b.has(k) || !isDeepStrictEqual(v, b.get(k), seen)) return false; }
    } else if (a instanceof Set) {
      if (a.size !== b.size) return false;
      outer: for (const v of a) {
        if (b.has(v)) continue;
        if (typeof v === "object" && v !== null) { for (const w of b) if (isDeepStrictEqual(v, w, seen)) continue outer; }
        return false;
      }
    }
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
      if (ArrayBuffer.isView(a) && /^\d+$/.test(k)) continue;
      if (!isDeepStrictEqual(a[k], b[k], seen)) return false;
    }
    const sa = Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s));
    const sb = Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s));
    if (sa.length !== sb.length) return false;
    for (const s of sa) if (!isDeepStrictEqual(a[s], b[s], seen)) return false;
    return true;
  }

  function ok(value, message) {
    if (arguments.length === 0) fail(undefined, true, "No value argument passed to `assert.ok()`", undefined, "==");
    if (!value) fail(value, true, message, `${show(value)} == true`, "==");
  }
  const assert = function assert(value, message) {
    if (arguments.length === 0) fail(undefined, true, "No value argument passed to `assert.ok()`", undefined, "==");
    if (!value) fail(value, true, message, `${show(value)} == true`, "==");
  };
  assert.ok = ok;
  assert.AssertionError = AssertionError;
  assert.fail = function (message = "Failed") { fail(undefined, undefined, message, "Failed", "fail"); };
  assert.equal = function equal(actual, expected, message) {
    if (!(actual == expected || (actual !== actual && expected !== expected))) fail(actual, expected, message, `${show(actual)} == ${show(expected)}`, "==");
  };
  assert.notEqual = function notEqual(actual, expected, message) {
    if (actual == expected || (actual !== actual && expected !== expected)) fail(actual, expected, message, `${show(actual)} != ${show(expected)}`, "!=");
  };
  assert.strictEqual = function strictEqual(actual, expected, message) {
    if (!Object.is(actual, expected)) fail(actual, expected, message, `Expected values to be strictly equal:\n\n${show(actual)} !== ${show(expected)}\n`, "strictEqual");
  };
  assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
    if (Object.is(actual, expected)) fail(actual, expected, message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, "notStrictEqual");
  };
  assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
    if (!isDeepStrictEqual(actual, expected)) {
      fail(actual, expected, message, `Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ ${show(actual).split("\n").join("\n+ ")}\n- ${show(expected).split("\n").join("\n- ")}`, "deepStrictEqual");
    }
  };
  assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
    if (isDeepStrictEqual(actual, expected)) fail(actual, expected, message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, "notDeepStrictEqual");
  };

  function check(err, expected, message, operator) {
    if (expected === undefined) return;
    if (typeof expected === "function") {
      if (expected.prototype !== undefined && err instanceof expected) return;
      if (Error.isPrototypeOf(expected) || expected === Error) {
        fail(err, expected, message, `The error is expected to be an instance of "${expected.name}". Received "${err && err.constructor ? err.constructor.name : typeof err}"\n\nError message:\n\n${err && err.message}`, operator);
      }
      if (expected.call({}, err) === true) return;
      fail(err, expected, message, `The ${expected.name ? `"${expected.name}" ` : ""}validation function is expected to return "true". Received ${show(expected.call({}, err))}`, operator);
    }
    if (expected instanceof RegExp) {
      if (expected.test(String(err))) return;
      fail(err, expected, message, `The input did not match the regular expression ${String(expected)}. Input:\n\n${show(String(err))}\n`, operator);
    }
    if (typeof expected === "object" && expected !== null) {
      for (const k of Object.keys(expected)) {
        const want = expected[k], got = err == null ? undefined : err[k];
        const same = want instanceof RegExp && typeof got === "string" ? want.test(got) : isDeepStrictEqual(got, want);
        if (!same) fail(err, expected, message, `Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   ${k}: ${show(got)}\n-   ${k}: ${show(want)}\n  }`, operator);
      }
      return;
    }
    throw new TypeError(`assert.throws: expected must be a function, RegExp, object or Error, got ${show(expected)}`);
  }

  assert.throws = function throws(fn, expected, message) {
    if (typeof fn !== "function") {
      const e = new TypeError(`assert.throws: fn must be a function, got ${show(fn)}`);
      e.code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    if (typeof expected === "string") { message = expected; expected = undefined; }
    let threw = false, err;
    try { fn(); } catch (e) { threw = true; err = e; }
    if (!threw) {
      const e = new AssertionError({ message: message === undefined ? "Missing expected exception" + (expected && expected.name ? ` (${expected.name}).` : ".") : String(message), actual: undefined, expected, operator: "throws" });
      e.generatedMessage = false; // as Node sets it
      throw e;
    }
    check(err, expected, message, "throws");
  };
  assert.doesNotThrow = function doesNotThrow(fn, message) {
    if (typeof fn !== "function") throw new TypeError(`assert.doesNotThrow: fn must be a function, got ${show(fn)}`);
    try { fn(); } catch (e) { fail(e, undefined, typeof message === "string" ? message : undefined, `Got unwanted exception.\nActual message: "${e && e.message}"`, "doesNotThrow"); }
  };
  assert.rejects = async function rejects(promiseFn, expected, message) {
    let threw = false, err;
    try { await (typeof promiseFn === "function" ? promiseFn() : promiseFn); } catch (e) { threw = true; err = e; }
    if (!threw) fail(undefined, expected, message, "Missing expected rejection" + (expected && expected.name ? ` (${expected.name}).` : "."), "rejects");
    check(err, expected, message, "rejects");
  };
  assert.match = function match(string, regexp, message) {
    if (!(regexp instanceof RegExp)) throw new TypeError(`assert.match: regexp must be a RegExp, got ${show(regexp)}`);
    if (typeof string !== "string" || !regexp.test(string)) fail(string, regexp, message, `The input did not match the regular expression ${String(regexp)}. Input:\n\n${show(string)}\n`, "match");
  };
  return assert;
})
