// A syntax error in TypeScript names its place in the .ts file.
const total: number = 1;
function add(a: number, b: number): number {
  return a +* b;
}
console.log(add(total, 2));
