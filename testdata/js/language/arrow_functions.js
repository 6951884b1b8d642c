// @node
// Arrow functions: concise bodies, lexical this, rest parameters. (Not arguments:
// goja gets an arrow function's arguments wrong, see docs/js-api.md.)
const sq = (x) => x * x;
const obj = {
  n: 2,
  times(list) {
    return list.map((x) => x * this.n);
  },
};
console.log(sq(4), obj.times([1, 2, 3]).join());
const count = (...args) => args.length;
console.log(count(1, 2, 3));
