// Converting an array nested 100 000 deep to a string ends the run with the call stack's
// RangeError at the script's line, as deep recursion does: goja recursed in Go there,
// and a million levels was a fatal Go stack overflow. join itself is unchanged.
console.log([[1, 2], [3, [4]]].join("-"), String([1, [2, 3]]), [].join.name, [].join.length);
let a = [];
for (let i = 0; i < 100000; i++) a = [a];
console.log(String(a));
