// @node
// Classes: constructors, extends and super, static members, getters and setters,
// new.target, instanceof.
class Shape {
  static count = 0;
  constructor(name) {
    this.name = name;
    Shape.count++;
    this.made = new.target.name;
  }
  get label() {
    return "shape " + this.name;
  }
  set label(v) {
    this.name = v;
  }
  area() {
    return 0;
  }
  static describe(s) {
    return s.label + " of area " + s.area();
  }
}
class Square extends Shape {
  constructor(side) {
    super("square");
    this.side = side;
  }
  area() {
    return this.side ** 2;
  }
  get label() {
    return super.label + " (" + this.side + ")";
  }
}
const s = new Square(3);
console.log(Shape.describe(s), s.made, s instanceof Shape, Shape.count);
const t = new Shape("t");
t.label = "triangle";
console.log(t.label, Shape.count);
