// ES module syntax in a .js file: goja cannot parse it, so it is transformed.
import { shout } from "./plain.js";
export const loud = shout("esm in js");
