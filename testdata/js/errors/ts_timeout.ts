// @timeout 1s
// A TypeScript script stopped by the timeout: the position is in the .ts file.
type Counter = { n: number };
const c: Counter = { n: 0 };
console.log("spinning");
while (true) { c.n++; }
