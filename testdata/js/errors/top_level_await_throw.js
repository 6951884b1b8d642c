// A rejection at top-level await is an uncaught error at the script's line.
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
await wait(1);
console.log('waited');
await Promise.reject(new TypeError('bad answer'));
console.log('never');
