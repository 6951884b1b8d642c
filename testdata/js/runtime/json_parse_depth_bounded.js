// JSON.parse refuses text nested deeper than 10 000 levels with a RangeError (goja's
// parser recurses on the Go stack: a few million "[" overflowed it, fatally).
console.log(JSON.parse("[".repeat(10000) + "]".repeat(10000)).length);
console.log(JSON.parse(JSON.stringify({ s: "[{".repeat(20000) })).s.length);
try {
  JSON.parse("[".repeat(10001) + "]".repeat(10001));
} catch (e) {
  console.log(e instanceof RangeError, e.message);
}
JSON.parse("[".repeat(3000000));
