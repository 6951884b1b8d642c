// @node
// async functions and await.
const later = (v) => new Promise((res) => setTimeout(() => res(v), 5));
async function total(list) {
  let sum = 0;
  for (const x of list) sum += await later(x);
  return sum;
}
async function fails() {
  await later(0);
  throw new Error("nope");
}
(async () => {
  console.log(await total([1, 2, 3]));
  try {
    await fails();
  } catch (e) {
    console.log("caught", e.message);
  }
  const obj = { async m() { return "method"; } };
  console.log(await obj.m());
})();
