// console.table draws Node's box table.
console.table([{ name: 'alice', calls: 12 }, { name: 'bob', calls: 3, vip: true }]);
console.table({ prague: { calls: 10 }, brno: { calls: 4 } });
console.table(['a', 'b']);
console.table([{ name: 'alice', calls: 12 }, { name: 'bob', calls: 3 }], ['name']);
console.table(new Map([['q1', 5]]));
console.table('not tabular');
