// goja fails on `arguments` inside an arrow function with a Go index error. The run
// reports it at the script's line as an engine fault, with the way around it, never
// as a bare Go message without a position.
function count() {
  return (() => arguments.length)();
}
console.log("before");
console.log(count(1, 2, 3));
