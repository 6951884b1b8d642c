// @timeout 1s
// A TypeScript script stopped by the timeout: the position is in the .ts file. The loop
// and the statement before it share a line, so the line is the same wherever the timeout
// lands on a loaded machine.
type Counter = { n: number };
const c: Counter = { n: 0 }; while (true) { c.n++; }
