// A .js script with import syntax runs too: goja cannot parse it as it is, so it
// is transformed; a plain CommonJS script is run as it is.
import { area } from "./lib/shapes.ts";
const { shout } = require("./lib/plain.js");
console.log(shout(String(area({ kind: "square", size: 4 }))));
