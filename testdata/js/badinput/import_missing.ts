// An import of a file that does not exist.
import { nothing } from "./no_such_module.ts";
console.log(nothing);
