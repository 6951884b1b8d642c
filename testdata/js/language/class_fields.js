// @node
// Class fields (ES2022): public and private fields, private methods and accessors,
// static blocks, #x in obj.
class Counter {
  count = 0;
  #step = 2;
  static instances;
  static {
    Counter.instances = 0;
  }
  constructor() {
    Counter.instances++;
  }
  #bump() {
    this.count += this.#step;
  }
  get #double() {
    return this.count * 2;
  }
  tick() {
    this.#bump();
    return this.#double;
  }
  static isCounter(o) {
    return #step in o;
  }
}
const c = new Counter();
console.log(c.tick(), c.tick(), Counter.instances, Counter.isCounter(c), Counter.isCounter({}));
console.log(Object.keys(c).join());
