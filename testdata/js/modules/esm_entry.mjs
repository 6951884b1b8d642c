// An .mjs script: import/export syntax; its exports are ignored.
import { shout } from "./lib/plain.js";
import greet from "./lib/greet.mjs";

export const message = shout(greet("mjs"));
console.log(message);
