// @node
// Map, Set, WeakMap and WeakSet.
const m = new Map([["a", 1]]);
m.set({ k: 1 }, "object key").set("b", 2);
console.log(m.size, m.get("a"), [...m.keys()].filter((k) => typeof k === "string").join());
const s = new Set([1, 2, 2, 3]);
s.delete(1);
console.log(s.size, s.has(2), [...s].join());
const wm = new WeakMap();
const key = {};
wm.set(key, "meta");
console.log(wm.get(key), wm.has({}));
const ws = new WeakSet([key]);
console.log(ws.has(key));
