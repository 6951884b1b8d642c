// @node
// TextEncoder/TextDecoder, atob/btoa, structuredClone and performance.now(), as Node 20
// prints them.
const bytes = new TextEncoder().encode("Dobrý den, světe €𝄞");
console.log(bytes.constructor.name, bytes.length, Array.from(bytes.slice(0, 6)).join(","));
console.log(new TextDecoder().decode(bytes), new TextDecoder("utf8").encoding, new TextEncoder().encoding);
console.log(new TextDecoder().decode(bytes.buffer) === new TextDecoder().decode(new DataView(bytes.buffer)));
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe2, 0x82, 0x41, 0xff, 0xf0, 0x9f]))));
console.log(JSON.stringify(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))));
const into = new Uint8Array(5);
console.log(JSON.stringify(new TextEncoder().encodeInto("aščř", into)), Array.from(into).join(","));
try {
  new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0x61, 0xc3]));
} catch (e) {
  console.log(e.name, e.code, e.message);
}

console.log(btoa("user:pässword"), atob("dXNlcjpw5HNzd29yZA=="), atob(" YW Jj\n"), atob("YQ"));
for (const f of [() => btoa("žluťoučký"), () => atob("***"), () => atob("Y"), () => atob()]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}

const original = {
  n: 1, s: "x", nested: { list: [1, { deep: true }], when: new Date(0) },
  map: new Map([["a", 1]]), set: new Set([1, 2]), re: /a+/gi, bytes: new Uint8Array([1, 2]),
};
original.self = original;
const copy = structuredClone(original);
console.log(copy !== original, copy.self === copy, copy.nested.list[1] !== original.nested.list[1]);
console.log(copy.nested.when instanceof Date, copy.nested.when.toISOString(), copy.map.get("a"), [...copy.set].join(","));
console.log(copy.re.source, copy.re.flags, copy.bytes instanceof Uint8Array, copy.bytes.join(","));
class Point { constructor() { this.x = 1; } norm() { return 1; } }
const p = structuredClone(new Point());
console.log(p instanceof Point, JSON.stringify(p), structuredClone(null), structuredClone("s"));
const e = structuredClone(new RangeError("too far"));
console.log(e instanceof RangeError, e.message);
for (const f of [() => structuredClone(() => 1), () => structuredClone({ handler() {} }), () => structuredClone(Symbol("x"))]) {
  try { f(); } catch (err) { console.log(err.name, err.code, err.message); }
}

const t0 = performance.now();
let spin = 0;
for (let i = 0; i < 1000; i++) spin += i;
const t1 = performance.now();
console.log(typeof t0, t0 >= 0, t1 >= t0, typeof performance.timeOrigin, spin);
