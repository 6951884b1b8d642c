// An error after top-level await in an ES module names the .mjs line.
import { shout } from "../modules/lib/plain.js";

const name = await Promise.resolve("x");
console.log(shout(name));
null.property;
