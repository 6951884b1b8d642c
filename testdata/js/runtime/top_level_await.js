// Top-level await works in a script; line numbers stay right.
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
await wait(5);
const value = await Promise.resolve(42);
console.log('awaited', value);
function where() { return new Error('here').stack.split('\n')[1].trim(); }
console.log(where());
