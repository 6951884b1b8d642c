// @node
// for await and async generators (ES2018): goja lacks them, the runtime lowers them
// with esbuild when a script or module uses them.
async function* ticks(n) {
  for (let i = 0; i < n; i++) {
    await new Promise((res) => setTimeout(res, 1));
    yield i;
  }
}
(async () => {
  const got = [];
  for await (const t of ticks(3)) got.push(t);
  for await (const v of [Promise.resolve("a"), "b"]) got.push(v);
  console.log(got.join());
})();
