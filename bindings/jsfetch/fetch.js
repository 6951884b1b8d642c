(function (native) {
  "use strict";

  // DOMException as Node has it: an Error with a name and the legacy code.
  const legacyCodes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  class DOMException extends Error {
    #name;
    constructor(message = "", options = "Error") {
      super(String(message));
      this.#name = typeof options === "object" && options !== null ? String(options.name ?? "Error") : String(options);
      if (typeof options === "object" && options !== null && "cause" in options) {
        Object.defineProperty(this, "cause", { value: options.cause, configurable: true, writable: true });
      }
    }
    get name() { return this.#name; }
    get code() { return legacyCodes[this.#name] || 0; }
  }

  // ---- Headers ----
  const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  function headerName(method, name) {
    const n = String(name);
    if (!tokenRe.test(n)) throw new TypeError(`Headers.${method}: "${n}" is an invalid header name.`);
    return n.toLowerCase();
  }
  function headerValue(method, name, value) {
    const v = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
    if (/[\0\r\n]/.test(v)) throw new TypeError(`Headers.${method}: "${v}" is an invalid header value for "${name}".`);
    return v;
  }
  function isIterable(o) { return o != null && typeof o[Symbol.iterator] === "function"; }

  let headerPairs; // (headers) => [[name, value]...] to send, in the order they were set
  class Headers {
    #map = new Map(); // lower-case name -> values
    constructor(init = undefined) {
      if (init === undefined || init === null) return;
      if (typeof init !== "object" && typeof init !== "function") {
        throw new TypeError(`Headers: init must be an object, an array of [name, value] pairs or Headers, got ${typeof init}`);
      }
      if (init instanceof Headers) {
        for (const [k, vs] of init.#map) this.#map.set(k, vs.slice());
      } else if (isIterable(init)) {
        for (const pair of init) {
          const p = isIterable(pair) && typeof pair !== "string" ? [...pair] : null;
          if (!p || p.length !== 2) throw new TypeError("Headers constructor: expected name/value pair to be length 2, found " + (p ? p.length : typeof pair) + ".");
          this.append(p[0], p[1]);
        }
      } else {
        for (const k of Object.keys(init)) this.append(k, init[k]);
      }
    }
    append(name, value) {
      const n = headerName("append", name);
      const v = headerValue("append", name, value);
      const vs = this.#map.get(n);
      if (vs) vs.push(v); else this.#map.set(n, [v]);
    }
    set(name, value) {
      this.#map.set(headerName("set", name), [headerValue("set", name, value)]);
    }
    delete(name) { this.#map.delete(headerName("delete", name)); }
    has(name) { return this.#map.has(headerName("has", name)); }
    get(name) {
      const vs = this.#map.get(headerName("get", name));
      return vs ? vs.join(", ") : null;
    }
    getSetCookie() { return (this.#map.get("set-cookie") || []).slice(); }
    #sorted() {
      const out = [];
      for (const k of [...this.#map.keys()].sort()) {
        const vs = this.#map.get(k);
        if (k === "set-cookie") for (const v of vs) out.push([k, v]);
        else out.push([k, vs.join(", ")]);
      }
      return out;
    }
    forEach(callback, thisArg = undefined) {
      if (typeof callback !== "function") throw new TypeError("Headers.forEach: the callback must be a function");
      for (const [k, v] of this.#sorted()) callback.call(thisArg, v, k, this);
    }
    entries() { return this.#sorted()[Symbol.iterator](); }
    keys() { return this.#sorted().map((p) => p[0])[Symbol.iterator](); }
    values() { return this.#sorted().map((p) => p[1])[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return "Headers"; }
    static {
      headerPairs = (h) => {
        const out = [];
        for (const [k, vs] of h.#map) for (const v of vs) out.push([k, v]);
        return out;
      };
    }
  }

  // ---- bodies ----
  // extractBody returns [bytes (Uint8Array) or null, content type or null].
  function extractBody(what, body) {
    if (body === undefined || body === null) return [null, null];
    if (typeof body === "string") return [new Uint8Array(native.encode(body)), "text/plain;charset=UTF-8"];
    if (body instanceof ArrayBuffer) return [new Uint8Array(body.slice(0)), null];
    if (ArrayBuffer.isView(body)) {
      return [new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), null];
    }
    const USP = globalThis.URLSearchParams;
    if (typeof USP === "function" && body instanceof USP) {
      return [new Uint8Array(native.encode(body.toString())), "application/x-www-form-urlencoded;charset=UTF-8"];
    }
    if (typeof body === "object" || typeof body === "function") {
      const kind = Array.isArray(body) ? "an array" : typeof body === "function" ? "a function" : "an object";
      throw new TypeError(`${what}: body must be a string, an ArrayBuffer, a typed array or URLSearchParams, got ${kind} (send JSON with body: JSON.stringify(value) and a Content-Type: application/json header)`);
    }
    return [new Uint8Array(native.encode(String(body))), "text/plain;charset=UTF-8"];
  }
  function unusable() { return new TypeError("Body is unusable: Body has already been read"); }

  // Body holds the bytes of a Request or Response and reads them once.
  class Body {
    bytes; used = false;
    constructor(bytes) { this.bytes = bytes; }
    take() {
      if (this.used) throw unusable();
      this.used = true;
      return this.bytes || new Uint8Array(0);
    }
    clone() {
      if (this.used) throw new TypeError("clone: Body has already been consumed.");
      return new Body(this.bytes);
    }
  }
  function readText(b) {
    try { return Promise.resolve(native.decode(b.take())); } catch (e) { return Promise.reject(e); }
  }
  function readJSON(b) { return readText(b).then((t) => JSON.parse(t)); }
  function readArrayBuffer(b) {
    try {
      const u = b.take();
      return Promise.resolve(u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength));
    } catch (e) { return Promise.reject(e); }
  }

  // ---- AbortSignal / AbortController ----
  const internal = Symbol("internal");
  let abortSignal; // (signal, reason) => void, set in AbortSignal's static block
  class AbortSignal {
    #aborted = false;
    #reason = undefined;
    #listeners = [];
    onabort = null;
    constructor(key) {
      if (key !== internal) throw new TypeError("Illegal constructor");
    }
    get aborted() { return this.#aborted; }
    get reason() { return this.#reason; }
    throwIfAborted() { if (this.#aborted) throw this.#reason; }
    addEventListener(type, listener, options = undefined) {
      if (String(type) !== "abort" || listener == null) return;
      const once = typeof options === "object" && options !== null && Boolean(options.once);
      if (this.#listeners.some((l) => l.listener === listener)) return;
      this.#listeners.push({ listener, once });
    }
    removeEventListener(type, listener) {
      if (String(type) !== "abort") return;
      this.#listeners = this.#listeners.filter((l) => l.listener !== listener);
    }
    dispatchEvent(event) {
      const ev = { type: event && event.type, target: this, currentTarget: this };
      if (ev.type !== "abort") return true;
      if (typeof this.onabort === "function") this.#call(this.onabort, ev);
      for (const l of this.#listeners.slice()) {
        if (l.once) this.removeEventListener("abort", l.listener);
        this.#call(typeof l.listener === "function" ? l.listener : l.listener.handleEvent, ev, l.listener);
      }
      return true;
    }
    #call(fn, ev, self = this) {
      if (typeof fn !== "function") return;
      try { fn.call(self, ev); } catch (e) { queueMicrotask(() => { throw e; }); }
    }
    get [Symbol.toStringTag]() { return "AbortSignal"; }
    static {
      abortSignal = (s, reason) => {
        if (s.#aborted) return;
        s.#aborted = true;
        s.#reason = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
        s.dispatchEvent({ type: "abort" });
      };
    }
    static abort(reason = undefined) {
      const s = new AbortSignal(internal);
      abortSignal(s, reason);
      return s;
    }
    static timeout(ms) {
      const n = Number(ms);
      if (typeof ms !== "number" || !Number.isFinite(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) {
        const e = new TypeError(`The "delay" argument must be a non-negative finite number, got ${typeof ms === "number" ? ms : typeof ms}`);
        e.code = "ERR_INVALID_ARG_TYPE";
        throw e;
      }
      const s = new AbortSignal(internal);
      native.unrefTimer(Math.floor(n), () => abortSignal(s, new DOMException("The operation was aborted due to timeout", "TimeoutError")));
      return s;
    }
    static any(signals) {
      const s = new AbortSignal(internal);
      const list = [...signals];
      for (const t of list) {
        if (!(t instanceof AbortSignal)) throw new TypeError("AbortSignal.any: each item must be an AbortSignal");
        if (t.aborted) { abortSignal(s, t.reason); return s; }
      }
      for (const t of list) t.addEventListener("abort", () => abortSignal(s, t.reason), { once: true });
      return s;
    }
  }

  class AbortController {
    #signal = new AbortSignal(internal);
    get signal() { return this.#signal; }
    abort(reason = undefined) { abortSignal(this.#signal, reason); }
    get [Symbol.toStringTag]() { return "AbortController"; }
  }

  // ---- Request ----
  const normalMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
  function normalizeMethod(m) {
    const s = String(m);
    if (!tokenRe.test(s)) throw new TypeError(`'${s}' is not a valid HTTP method.`);
    const up = s.toUpperCase();
    if (up === "CONNECT" || up === "TRACE" || up === "TRACK") throw new TypeError(`'${s}' HTTP method is unsupported.`);
    return normalMethods.includes(up) ? up : s;
  }
  function parseURL(input) {
    const s = String(input);
    try {
      return new URL(s).href;
    } catch (e) {
      const err = new TypeError("Failed to parse URL from " + s);
      err.cause = e;
      throw err;
    }
  }
  const redirectModes = ["follow", "error", "manual"];

  let requestParts; // (request) => {url, method, headers, body, signal, redirect}
  class Request {
    #url; #method = "GET"; #headers; #body = new Body(null); #signal = null; #redirect = "follow";
    constructor(input, init = {}) {
      if (arguments.length === 0) throw new TypeError("Request constructor: 1 argument required, but only 0 present.");
      if (init === null || typeof init !== "object") init = {};
      let inherited = null;
      if (input instanceof Request) {
        inherited = input;
        this.#url = input.#url;
        this.#method = input.#method;
        this.#headers = new Headers(input.#headers);
        this.#redirect = input.#redirect;
        this.#signal = input.#signal;
      } else {
        this.#url = parseURL(input);
        this.#headers = new Headers();
      }
      if (init.method !== undefined) this.#method = normalizeMethod(init.method);
      if (init.headers !== undefined) this.#headers = new Headers(init.headers);
      if (init.redirect !== undefined) {
        const r = String(init.redirect);
        if (!redirectModes.includes(r)) throw new TypeError(`Request constructor: redirect must be "follow", "error" or "manual", got "${r}"`);
        this.#redirect = r;
      }
      if (init.signal !== undefined) {
        if (init.signal !== null && !(init.signal instanceof AbortSignal)) {
          throw new TypeError("Request constructor: signal must be an AbortSignal");
        }
        this.#signal = init.signal;
      }
      const hasBody = init.body !== undefined && init.body !== null;
      if ((hasBody || (inherited && inherited.#body.bytes !== null && init.body === undefined)) && (this.#method === "GET" || this.#method === "HEAD")) {
        throw new TypeError("Request with GET/HEAD method cannot have body.");
      }
      if (init.body !== undefined) {
        const [bytes, type] = extractBody("Request", init.body);
        this.#body = new Body(bytes);
        if (type && !this.#headers.has("content-type")) this.#headers.append("content-type", type);
      } else if (inherited) {
        if (inherited.#body.used) throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
        this.#body = inherited.#body.clone();
      }
      if (this.#signal === null) this.#signal = new AbortSignal(internal);
    }
    get url() { return this.#url; }
    get method() { return this.#method; }
    get headers() { return this.#headers; }
    get signal() { return this.#signal; }
    get redirect() { return this.#redirect; }
    get bodyUsed() { return this.#body.used; }
    clone() {
      const r = new Request(this);
      return r;
    }
    text() { return readText(this.#body); }
    json() { return readJSON(this.#body); }
    arrayBuffer() { return readArrayBuffer(this.#body); }
    get [Symbol.toStringTag]() { return "Request"; }
    static {
      requestParts = (r) => ({ url: r.#url, method: r.#method, headers: r.#headers, body: r.#body, signal: r.#signal, redirect: r.#redirect });
    }
  }

  // ---- Response ----
  const nullBodyStatus = [101, 103, 204, 205, 304];
  const redirectStatus = [301, 302, 303, 307, 308];
  let makeResponse; // (fields) => Response, for answers from the network and the statics
  class Response {
    #status = 200; #statusText = ""; #headers = new Headers(); #body = new Body(null);
    #type = "default"; #url = ""; #redirected = false;
    constructor(body = null, init = {}) {
      if (init === null || typeof init !== "object") init = {};
      if (init.status !== undefined) {
        const s = Number(init.status);
        if (!(s >= 200 && s <= 599) || !Number.isInteger(s)) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
        this.#status = s;
      }
      if (init.statusText !== undefined) this.#statusText = String(init.statusText);
      if (init.headers !== undefined) this.#headers = new Headers(init.headers);
      if (body !== null && body !== undefined) {
        if (nullBodyStatus.includes(this.#status)) throw new TypeError("Response constructor: Invalid response status code " + this.#status);
        const [bytes, type] = extractBody("Response", body);
        this.#body = new Body(bytes);
        if (type && !this.#headers.has("content-type")) this.#headers.append("content-type", type);
      }
    }
    get type() { return this.#type; }
    get url() { return this.#url; }
    get redirected() { return this.#redirected; }
    get status() { return this.#status; }
    get ok() { return this.#status >= 200 && this.#status <= 299; }
    get statusText() { return this.#statusText; }
    get headers() { return this.#headers; }
    get bodyUsed() { return this.#body.used; }
    clone() {
      return makeResponse({ status: this.#status, statusText: this.#statusText, headers: new Headers(this.#headers),
        body: this.#body.clone(), type: this.#type, url: this.#url, redirected: this.#redirected });
    }
    text() { return readText(this.#body); }
    json() { return readJSON(this.#body); }
    arrayBuffer() { return readArrayBuffer(this.#body); }
    get [Symbol.toStringTag]() { return "Response"; }
    static {
      makeResponse = (f) => {
        const r = new Response();
        r.#status = f.status;
        r.#statusText = f.statusText || "";
        r.#headers = f.headers || new Headers();
        r.#body = f.body || new Body(null);
        r.#type = f.type || "default";
        r.#url = f.url || "";
        r.#redirected = Boolean(f.redirected);
        return r;
      };
    }
    static error() { return makeResponse({ status: 0, type: "error" }); }
    static redirect(url, status = 302) {
      const href = parseURL(url);
      const s = Number(status);
      if (!redirectStatus.includes(s)) throw new RangeError("Invalid status code " + status);
      return makeResponse({ status: s, headers: new Headers({ location: href }) });
    }
    static json(data, init = {}) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError("Value is not JSON serializable");
      const r = new Response(text, init);
      r.#headers.set("content-type", "application/json");
      return r;
    }
  }

  // ---- fetch ----
  function fetch(input, init = undefined) {
    // Made here, while the script's line is on the stack, so that a failure later is
    // reported where the script called fetch.
    const failure = new TypeError("fetch failed");
    let parts;
    try {
      if (arguments.length === 0) throw new TypeError("fetch: 1 argument required, but only 0 present.");
      parts = requestParts(new Request(input, init));
    } catch (e) {
      return Promise.reject(e);
    }
    const signal = parts.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    const denied = native.check(parts.url);
    if (denied) {
      failure.message = denied;
      return Promise.reject(failure);
    }
    let body = null;
    if (parts.body.bytes !== null) {
      try { body = parts.body.take(); } catch (e) { return Promise.reject(e); }
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        stop();
        reject(signal.reason);
      };
      const stop = native.send({
        url: parts.url,
        method: parts.method,
        headers: headerPairs(parts.headers),
        body: body === null ? null : body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
        redirect: parts.redirect,
      }, (err, res) => {
        signal.removeEventListener("abort", onAbort);
        if (settled) return;
        settled = true;
        if (err !== null) {
          failure.message = err;
          reject(failure);
          return;
        }
        const headers = new Headers();
        for (const [k, v] of res.headers) headers.append(k, v);
        resolve(makeResponse({ status: res.status, statusText: res.statusText, headers, body: new Body(new Uint8Array(res.body)),
          type: "basic", url: res.url, redirected: res.redirected }));
      });
      signal.addEventListener("abort", onAbort);
    });
  }

  for (const C of [Headers, Request, Response, AbortSignal, AbortController]) {
    for (const m of Object.getOwnPropertyNames(C.prototype)) {
      const d = Object.getOwnPropertyDescriptor(C.prototype, m);
      if (d.configurable) Object.defineProperty(C.prototype, m, { ...d, enumerable: false });
    }
  }

  return { fetch, Headers, Request, Response, AbortController, AbortSignal, DOMException };
})
