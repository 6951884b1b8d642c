// The Set methods of ES2025: union, intersection, difference, symmetricDifference,
// isSubsetOf, isSupersetOf, isDisjointFrom.
const a = new Set([1, 2, 3]);
const b = new Set([3, 4]);
console.log([...a.union(b)].join(), [...a.intersection(b)].join(), [...a.difference(b)].join());
console.log([...a.symmetricDifference(b)].join(), new Set([1]).isSubsetOf(a), a.isSupersetOf(new Set([2])), a.isDisjointFrom(new Set([9])));
// The argument may be any set-like object (a size, has and keys), such as a Map; the
// order of the result is the specification's.
console.log([...a.union(new Map([[9, "nine"]]))].join(), [...new Set([1, 2, 3, 4, 5]).intersection(new Set([5, 1]))].join());
console.log([...new Set([1, 2]).difference(new Set([2, 7, 8]))].join(), new Set([1, 2, 3]).isSupersetOf(new Set([1, 4])));
console.log(a.union.name, a.union.length, Object.keys(Set.prototype).length);
for (const bad of [[1], null, { size: -1, has() {}, keys() {} }]) {
  try {
    a.union(bad);
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
