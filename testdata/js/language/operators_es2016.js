// @node
// ES2016 to ES2021 operators: **, optional chaining, nullish coalescing, logical
// assignment, numeric separators.
console.log(2 ** 10, (-2) ** 3);
let n = 2;
n **= 3;
const cfg = { db: { port: 0 } };
console.log(n, cfg.db?.port, cfg.cache?.size, cfg.db.port ?? 5432, cfg.cache?.size ?? "none", cfg.fn?.());
let a = null, b = 0, c = 1;
a ??= "set";
b ||= "truthy";
c &&= "and";
console.log(a, b, c, 1_000_000);
