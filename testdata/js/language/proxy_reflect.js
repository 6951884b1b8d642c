// @node
// Proxy and Reflect.
const seen = [];
const target = { a: 1 };
const p = new Proxy(target, {
  get(t, k, r) {
    seen.push(String(k));
    return k in t ? Reflect.get(t, k, r) : "default";
  },
  has(t, k) {
    return k === "virtual" || Reflect.has(t, k);
  },
});
console.log(p.a, p.b, "virtual" in p, seen.join());
console.log(Reflect.ownKeys({ x: 1, [Symbol("s")]: 2 }).length, Reflect.apply(Math.max, null, [1, 5, 2]));
