(function (native) {
  "use strict";
  function domError(name, code, message) {
    const e = new Error(message);
    Object.defineProperty(e, "name", { value: name, configurable: true, writable: true });
    e.code = code;
    return e;
  }
  function missing(name) {
    const e = new TypeError(`The "${name}" argument must be specified`);
    e.code = "ERR_MISSING_ARGS";
    return e;
  }
  const utf8Labels = ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"];

  class TextEncoder {
    get encoding() { return "utf-8"; }
    encode(input = "") { return new Uint8Array(native.encode(String(input))); }
    encodeInto(src, dest) {
      if (!(dest instanceof Uint8Array)) throw new TypeError("TextEncoder.encodeInto: dest must be a Uint8Array");
      return native.encodeInto(String(src), dest);
    }
  }

  class TextDecoder {
    #fatal; #ignoreBOM;
    constructor(label = "utf-8", options = {}) {
      const l = String(label).trim().toLowerCase();
      if (!utf8Labels.includes(l)) {
        const e = new RangeError(`The "${label}" encoding is not supported (TextDecoder here decodes utf-8 only)`);
        e.code = "ERR_ENCODING_NOT_SUPPORTED";
        throw e;
      }
      if (options === null || (typeof options !== "object" && typeof options !== "undefined")) {
        throw new TypeError(`TextDecoder: options must be an object, got ${typeof options}`);
      }
      this.#fatal = Boolean(options && options.fatal);
      this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    }
    get encoding() { return "utf-8"; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input = new Uint8Array(0)) {
      return native.decode(input, this.#fatal, this.#ignoreBOM);
    }
  }

  function btoa(data) {
    if (arguments.length === 0) throw missing("input");
    const r = native.btoa(String(data));
    if (r === null) throw domError("InvalidCharacterError", 5, "Invalid character");
    return r;
  }
  function atob(data) {
    if (arguments.length === 0) throw missing("input");
    const r = native.atob(String(data));
    if (r === 1) throw domError("InvalidCharacterError", 5, "Invalid character");
    if (r === 2) throw domError("InvalidCharacterError", 5, "The string to be decoded is not correctly encoded.");
    return r;
  }

  function structuredClone(value, options) {
    if (arguments.length === 0) throw missing("value");
    const seen = new Map();
    function fail(v) {
      let text;
      try { text = typeof v === "symbol" ? v.toString() : String(v); } catch (_) { text = Object.prototype.toString.call(v); }
      return domError("DataCloneError", 25, `${text} could not be cloned.`);
    }
    function clone(v) {
      if (typeof v === "function" || typeof v === "symbol") throw fail(v);
      if (v === null || typeof v !== "object") return v;
      if (seen.has(v)) return seen.get(v);
      let out;
      if (Array.isArray(v)) {
        out = new Array(v.length);
        seen.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
      }
      if (v instanceof Date) { out = new Date(v.getTime()); seen.set(v, out); return out; }
      if (v instanceof RegExp) { out = new RegExp(v.source, v.flags); seen.set(v, out); return out; }
      if (v instanceof ArrayBuffer) { out = v.slice(0); seen.set(v, out); return out; }
      if (ArrayBuffer.isView(v)) {
        const buf = clone(v.buffer);
        const C = v instanceof DataView ? DataView : Object.getPrototypeOf(Object.getPrototypeOf(v)) === Object.getPrototypeOf(Uint8Array.prototype) ? v.constructor : Uint8Array;
        out = C === DataView ? new DataView(buf, v.byteOffset, v.byteLength) : new C(buf, v.byteOffset, v.length);
        seen.set(v, out);
        return out;
      }
      if (v instanceof Map) {
        out = new Map();
        seen.set(v, out);
        for (const [k, x] of v) out.set(clone(k), clone(x));
        return out;
      }
      if (v instanceof Set) {
        out = new Set();
        seen.set(v, out);
        for (const x of v) out.add(clone(x));
        return out;
      }
      if (v instanceof Error) {
        const C = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
        out = new C(v.message);
        seen.set(v, out);
        if ("stack" in v) out.stack = v.stack;
        if ("cause" in v) out.cause = clone(v.cause);
        return out;
      }
      if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) throw fail(v);
      if (v instanceof Boolean || v instanceof Number || v instanceof String) { out = Object(v.valueOf()); seen.set(v, out); return out; }
      out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    return clone(value);
  }

  const start = native.now();
  const performance = {
    now() { return native.now() - start; },
    timeOrigin: Date.now(),
    toJSON() { return { timeOrigin: this.timeOrigin }; },
  };

  return { TextEncoder, TextDecoder, btoa, atob, structuredClone, performance };
})
