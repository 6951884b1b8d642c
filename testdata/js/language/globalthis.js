// @node
// globalThis (ES2020) and Error cause (ES2022).
globalThis.shared = 42;
console.log(shared, typeof globalThis.console.log);
const e = new Error("outer", { cause: new Error("inner") });
console.log(e.message, e.cause.message);
