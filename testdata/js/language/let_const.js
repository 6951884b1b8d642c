// @node
// let and const: block scope, no redeclaration, the temporal dead zone.
let a = 1;
{
  let a = 2;
  const b = 3;
  console.log(a, b);
}
console.log(a, typeof b);
try {
  c = 1;
  let c;
} catch (e) {
  console.log(e.name);
}
const fixed = 1;
try {
  fixed = 2;
} catch (e) {
  console.log(e.name);
}
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()).join());
