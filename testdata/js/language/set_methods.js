// The Set methods of ES2025: union, intersection, difference, symmetricDifference,
// isSubsetOf, isSupersetOf, isDisjointFrom.
const a = new Set([1, 2, 3]);
const b = new Set([3, 4]);
console.log([...a.union(b)].join(), [...a.intersection(b)].join(), [...a.difference(b)].join());
console.log([...a.symmetricDifference(b)].join(), new Set([1]).isSubsetOf(a), a.isSupersetOf(new Set([2])), a.isDisjointFrom(new Set([9])));
