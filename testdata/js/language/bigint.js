// @node
// BigInt (ES2020).
const big = 2n ** 64n;
console.log(big.toString(), typeof big, big % 7n, BigInt("12345678901234567890") + 1n);
console.log(BigInt.asUintN(8, 257n), 5n > 3, 10n === BigInt(10));
try {
  console.log(1n + 1);
} catch (e) {
  console.log(e.name);
}
