// @node
// Destructuring with defaults and renaming; default, rest and spread parameters.
const { a, b: renamed = 5, ...others } = { a: 1, c: 3, d: 4 };
const [first, , third = "def", ...tail] = [10, 20, undefined, 40, 50];
console.log(a, renamed, JSON.stringify(others), first, third, tail.join());
function f(x, y = x * 2, ...more) {
  return [x, y, more.length].join();
}
console.log(f(1), f(1, 3, 4, 5), f(...[7, 8]));
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
const nested = ({ user: { name } }) => name;
console.log(nested({ user: { name: "anna" } }));
