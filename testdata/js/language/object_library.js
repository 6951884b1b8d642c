// @node
// Object and String additions of ES2017 to ES2022: Object.values, entries,
// fromEntries, getOwnPropertyDescriptors, hasOwn; padStart, padEnd, trimStart,
// trimEnd, replaceAll, at.
const o = { a: 1, b: 2 };
console.log(Object.values(o).join(), JSON.stringify(Object.entries(o)), Object.fromEntries([["x", 1]]).x);
console.log(Object.keys(Object.getOwnPropertyDescriptors(o)).join(), Object.hasOwn(o, "a"), Object.hasOwn(o, "toString"));
console.log("5".padStart(3, "0"), "ab".padEnd(4, "."), "[" + "  x  ".trimStart() + "]", "[" + "  x  ".trimEnd() + "]");
console.log("a-b-c".replaceAll("-", "+"), "abc".at(-1), [1, 2, 3].at(-2));
