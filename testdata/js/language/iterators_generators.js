// @node
// for...of, the iterator protocol (Symbol.iterator) and generators.
class Range {
  constructor(n) {
    this.n = n;
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this.n; i++) yield i;
  }
}
console.log([...new Range(4)].join());
function* fib() {
  let [a, b] = [0, 1];
  for (;;) {
    const reset = yield a;
    if (reset) [a, b] = [0, 1];
    else [a, b] = [b, a + b];
  }
}
const g = fib();
const out = [];
for (let i = 0; i < 6; i++) out.push(g.next().value);
out.push(g.next(true).value);
console.log(out.join());
for (const [k, v] of Object.entries({ x: 1, y: 2 })) console.log(k, v);
for (const ch of "añb") console.log(ch);
