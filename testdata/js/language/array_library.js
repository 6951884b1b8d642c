// @node
// Array additions of ES2019 to ES2023: flat, flatMap, a stable sort, findLast,
// findLastIndex, and the copying toSorted, toReversed, toSpliced, with.
console.log([1, [2, [3, [4]]]].flat(2).length, [1, 2].flatMap((x) => [x, x * 10]).join());
const people = [{ n: "b", age: 30 }, { n: "a", age: 20 }, { n: "c", age: 30 }, { n: "d", age: 20 }];
console.log(people.sort((x, y) => x.age - y.age).map((p) => p.n).join());
const list = [3, 1, 2];
console.log(list.toSorted().join(), list.toReversed().join(), list.toSpliced(0, 1).join(), list.with(0, 9).join(), list.join());
console.log([1, 2, 3, 4].findLast((x) => x % 2), [1, 2, 3, 4].findLastIndex((x) => x > 5));
try {
  JSON.parse("{");
} catch {
  console.log("optional catch binding");
}
