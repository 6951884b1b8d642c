// @node
// Promise: then/catch/finally, all, race, allSettled, any and AggregateError. Each step
// is awaited before the next, so the output does not depend on timing.
const wait = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
(async () => {
  console.log("all", (await Promise.all([wait(20, "a"), wait(10, "b")])).join());
  console.log("race", await Promise.race([wait(200, "slow"), wait(1, "fast")]));
  const settled = await Promise.allSettled([wait(1, "ok"), wait(2, "no", true)]);
  console.log("allSettled", settled.map((x) => x.status).join());
  console.log("any", await Promise.any([wait(1, "x", true), wait(3, "y")]));
  await Promise.any([wait(1, "x", true)]).catch((e) => console.log("any failed", e instanceof AggregateError, e.errors.length));
  const m = await wait(1, "boom", true)
    .catch((e) => e.message)
    .finally(() => console.log("finally"));
  console.log("caught", m);
  Promise.resolve(1).then((v) => console.log("then", v));
  console.log("before then");
})();
