// Objects print like Node's util.inspect: depth 2, quoted strings, Map, Set, classes.
console.log({ a: 1, b: 'x', nested: { list: [1, 2, { deep: { deeper: true } }] } });
console.log([1, 'two', null, undefined, true, -0, 10n]);
console.log(new Map([['alice', { age: 31 }], ['bob', { age: 27 }]]), new Set(['a', 'b']));
class Ticket {
  constructor(name) { this.name = name; this.tags = ['vip']; }
}
console.log(new Ticket('TCK-1'), Ticket, [function load() {}, () => 1, async function go() {}]);
const cyclic = { name: 'loop' };
cyclic.self = cyclic;
console.log(cyclic);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log({ when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), re: /ab+c/gi, sym: Symbol('id'), "odd-key": "it's" });
console.log(Object.create(null), [], {}, [[]], [, 1]);
console.log({ users: [{ name: 'alice', roles: ['admin'], meta: { created: 1 } }], total: 1 });
console.log('plain string', 42, 'and more');
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
