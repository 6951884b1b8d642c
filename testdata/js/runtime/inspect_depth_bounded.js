// util.inspect and console.dir with {depth: null} walk at most 200 levels: deeper data
// ends in Node's "Inspection interrupted prematurely" marker instead of a Go stack
// overflow (a 300 000-deep object ended the process before).
const util = require("util");
let deep = {};
for (let i = 0; i < 1000; i++) deep = { d: deep };
const s = util.inspect(deep, { depth: null });
console.log("levels shown:", (s.match(/d: /g) || []).length);
console.log(s.includes("[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]"));
console.log(util.inspect({ a: { b: { c: {} } } }, { depth: Infinity }));
