// Built-ins of ES2024 and ES2025 that dkscript adds where the engine lacks them:
// Object.groupBy, Map.groupBy, Promise.withResolvers, Promise.try,
// String.prototype.isWellFormed and toWellFormed (the Set methods: set_methods.js).
const people = [{ n: "a", q: "sales" }, { n: "b", q: "support" }, { n: "c", q: "sales" }];
const g = Object.groupBy(people, (p) => p.q);
console.log(Object.getPrototypeOf(g), Object.keys(g), g.sales.map((p) => p.n).join());
const m = Map.groupBy([1, 2, 3, 4, -0], (x) => (x % 2 ? "odd" : x === 0 ? 0 : "even"));
console.log([...m.keys()].join(), m.get("odd").join(), m.get(0).length);
const { promise, resolve } = Promise.withResolvers();
promise.then((v) => console.log("resolved", v));
resolve(42);
Promise.try(() => { throw new Error("boom"); }).catch((e) => console.log("caught", e.message));
Promise.try((a, b) => a + b, 1, 2).then((v) => console.log("try", v));
console.log("ab\uD800".isWellFormed(), "ab\uD83D\uDE00".isWellFormed(), JSON.stringify("a\uDC00b\uD800".toWellFormed()), "😀x".toWellFormed());
console.log(Object.groupBy.name, Object.groupBy.length, Object.keys(Object).length, Object.keys(Promise).length);
try { Object.groupBy([1], null); } catch (e) { console.log(e.name, e.message); }
