// @node
// Object rest and spread (ES2018).
const base = { a: 1, b: 2 };
const more = { ...base, b: 3, c: 4 };
const { a, ...rest } = more;
console.log(JSON.stringify(more), a, JSON.stringify(rest));
