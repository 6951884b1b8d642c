// Built-ins of ES2024 and ES2025 that the engine lacks, each following the
// specification's steps. A built-in the engine has is left as it is.
//
// The Set methods (union, intersection, difference, symmetricDifference, isSubsetOf,
// isSupersetOf, isDisjointFrom): the argument is any "set-like" object (a numeric size,
// and has and keys methods), the result is a new Set, and the order of its elements is
// the specification's.
(function (Set, proto) {
  "use strict";
  const has = proto.has, add = proto.add, del = proto.delete, values = proto.values;
  const sizeOf = Object.getOwnPropertyDescriptor(proto, "size").get;
  const call = (fn, self, ...args) => Reflect.apply(fn, self, args);

  // setRecord is the specification's GetSetRecord: the size, has and keys of a set-like.
  function setRecord(other, method) {
    if (other === null || (typeof other !== "object" && typeof other !== "function")) {
      throw new TypeError("Set.prototype." + method + ": the argument must be a Set or a set-like object, got " + (other === null ? "null" : typeof other));
    }
    const raw = other.size;
    const size = Number(raw);
    if (size !== size) {
      throw new TypeError("Set.prototype." + method + ": the argument's size is not a number");
    }
    const n = Math.trunc(size);
    if (n < 0) {
      throw new RangeError("Set.prototype." + method + ": the argument's size is negative");
    }
    const otherHas = other.has, otherKeys = other.keys;
    if (typeof otherHas !== "function") {
      throw new TypeError("Set.prototype." + method + ": the argument's has is not a function");
    }
    if (typeof otherKeys !== "function") {
      throw new TypeError("Set.prototype." + method + ": the argument's keys is not a function");
    }
    return {
      size: n,
      has: (v) => Boolean(call(otherHas, other, v)),
      keys() {
        const it = call(otherKeys, other);
        if (it === null || (typeof it !== "object" && typeof it !== "function")) {
          throw new TypeError("Set.prototype." + method + ": the argument's keys() did not return an object");
        }
        const next = it.next;
        return {
          next: () => {
            const r = call(next, it);
            if (r === null || (typeof r !== "object" && typeof r !== "function")) {
              throw new TypeError("Set.prototype." + method + ": the iterator result is not an object");
            }
            return r;
          },
          close: () => {
            const ret = it.return;
            if (ret !== undefined && ret !== null) call(ret, it);
          },
        };
      },
    };
  }

  // eachKey calls fn with each key of the set-like, stopping (and closing the iterator)
  // when fn returns true; it reports whether it stopped.
  function eachKey(rec, fn) {
    const it = rec.keys();
    for (;;) {
      const r = it.next();
      if (r.done) return false;
      const v = r.value === 0 ? 0 : r.value; // -0 becomes +0
      if (fn(v)) {
        it.close();
        return true;
      }
    }
  }

  // snapshot lists a Set's elements as they are now.
  function snapshot(self) {
    return [...call(values, self)];
  }

  function copy(self) {
    const out = new Set();
    for (const v of snapshot(self)) call(add, out, v);
    return out;
  }

  const methods = {
    union(other) {
      call(sizeOf, this); // a TypeError for a receiver that is no Set
      const rec = setRecord(other, "union");
      const out = copy(this);
      eachKey(rec, (v) => { call(add, out, v); });
      return out;
    },
    intersection(other) {
      const size = call(sizeOf, this);
      const rec = setRecord(other, "intersection");
      const out = new Set();
      if (size <= rec.size) {
        for (const v of snapshot(this)) if (rec.has(v)) call(add, out, v);
      } else {
        eachKey(rec, (v) => { if (call(has, this, v)) call(add, out, v); });
      }
      return out;
    },
    difference(other) {
      const size = call(sizeOf, this);
      const rec = setRecord(other, "difference");
      const out = copy(this);
      if (size <= rec.size) {
        for (const v of snapshot(this)) if (rec.has(v)) call(del, out, v);
      } else {
        eachKey(rec, (v) => { call(del, out, v); });
      }
      return out;
    },
    symmetricDifference(other) {
      call(sizeOf, this); // a TypeError for a receiver that is no Set
      const rec = setRecord(other, "symmetricDifference");
      const out = copy(this);
      eachKey(rec, (v) => {
        if (call(has, this, v)) call(del, out, v);
        else call(add, out, v);
      });
      return out;
    },
    isSubsetOf(other) {
      const size = call(sizeOf, this);
      const rec = setRecord(other, "isSubsetOf");
      if (size > rec.size) return false;
      for (const v of snapshot(this)) if (!rec.has(v)) return false;
      return true;
    },
    isSupersetOf(other) {
      const size = call(sizeOf, this);
      const rec = setRecord(other, "isSupersetOf");
      if (size < rec.size) return false;
      return !eachKey(rec, (v) => !call(has, this, v));
    },
    isDisjointFrom(other) {
      const size = call(sizeOf, this);
      const rec = setRecord(other, "isDisjointFrom");
      if (size <= rec.size) {
        for (const v of snapshot(this)) if (rec.has(v)) return false;
        return true;
      }
      return !eachKey(rec, (v) => call(has, this, v));
    },
  };
  for (const name of Object.keys(methods)) {
    if (typeof proto[name] === "function") continue; // the engine has it
    Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
})(Set, Set.prototype);

// define gives target the methods the engine lacks, as built-in methods are: writable,
// configurable, not enumerable.
(function () {
  "use strict";
  const define = (target, methods) => {
    for (const name of Object.keys(methods)) {
      if (typeof target[name] === "function") continue; // the engine has it
      Object.defineProperty(target, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
    }
  };
  const callable = (fn, method) => {
    if (typeof fn !== "function") {
      throw new TypeError(method + ": the callback must be a function, got " + (fn === null ? "null" : typeof fn));
    }
    return fn;
  };

  // Object.groupBy and Map.groupBy (ES2024): the items of an iterable grouped by the key
  // the callback returns for each (value, index).
  define(Object, {
    groupBy(items, callback) {
      callable(callback, "Object.groupBy");
      const out = Object.create(null);
      let i = 0;
      for (const v of items) {
        let k = callback(v, i++);
        k = typeof k === "symbol" ? k : String(k);
        if (Object.prototype.hasOwnProperty.call(out, k)) out[k].push(v);
        else out[k] = [v];
      }
      return out;
    },
  });
  define(Map, {
    groupBy(items, callback) {
      callable(callback, "Map.groupBy");
      const out = new Map();
      let i = 0;
      for (const v of items) {
        let k = callback(v, i++);
        if (k === 0) k = 0; // -0 becomes +0
        const group = out.get(k);
        if (group) group.push(v);
        else out.set(k, [v]);
      }
      return out;
    },
  });

  // Promise.withResolvers (ES2024) and Promise.try (ES2025).
  define(Promise, {
    withResolvers() {
      let resolve, reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
    try(fn, ...args) {
      return new this((resolve) => resolve(callable(fn, "Promise.try")(...args)));
    },
  });

  // String.prototype.isWellFormed and toWellFormed (ES2024): whether the string has a
  // lone surrogate, and the string with each replaced by U+FFFD.
  const wellFormed = (s, fix) => {
    let out = fix ? "" : undefined;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let lone = false;
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (fix) out += s[i] + s[i + 1];
          i++;
          continue;
        }
        lone = true;
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        lone = true;
      }
      if (lone && !fix) return false;
      if (fix) out += lone ? "\ufffd" : s[i];
    }
    return fix ? out : true;
  };
  const thisString = (self, method) => {
    if (self === null || self === undefined) {
      throw new TypeError("String.prototype." + method + " called on " + self);
    }
    return String(self);
  };
  define(String.prototype, {
    isWellFormed() {
      return wellFormed(thisString(this, "isWellFormed"), false);
    },
    toWellFormed() {
      return wellFormed(thisString(this, "toWellFormed"), true);
    },
  });
})();
