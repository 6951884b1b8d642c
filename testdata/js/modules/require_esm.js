// A CommonJS script requires ES modules and TypeScript: it gets their exports object.
const shapes = require("./lib/shapes.ts");
const greet = require("./lib/greet.mjs");
console.log(shapes.area({ kind: "square", size: 5 }), greet.default("cjs"));
