// @node
// Symbols: unique keys, the registry, description, well-known symbols.
const s = Symbol("id");
const o = { [s]: 1, plain: 2 };
console.log(Object.keys(o).join(), o[s], s.description, Symbol.for("k") === Symbol.for("k"));
const money = {
  [Symbol.toPrimitive](hint) {
    return hint === "number" ? 42 : "42 CZK";
  },
};
console.log(+money, `${money}`);
class Even {
  static [Symbol.hasInstance](n) {
    return n % 2 === 0;
  }
}
console.log(4 instanceof Even, 3 instanceof Even);
