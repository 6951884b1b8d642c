// async/await and promise combinators, driven by the event loop.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
async function main() {
  const a = await delay(10, 'a');
  const [b, c] = await Promise.all([delay(5, 'b'), delay(1, 'c')]);
  const first = await Promise.race([delay(30, 'slow'), delay(2, 'fast')]);
  try {
    await Promise.reject(new Error('handled'));
  } catch (e) {
    console.log('caught', e.message);
  }
  const settled = await Promise.allSettled([Promise.resolve(1), Promise.reject(new Error('no'))]);
  console.log(a, b, c, first, settled.map((s) => s.status));
  return 'done';
}
main().then((v) => console.log(v));
console.log('main started');
