// @node
// An ES module has import.meta as Node gives it: url, filename and dirname, absolute.
import { meta } from "./lib/meta.mjs";
import path from "node:path";
console.log("url:", import.meta.url.startsWith("file:///"), import.meta.url.endsWith("/modules/import_meta.mjs"));
console.log("filename:", path.isAbsolute(import.meta.filename), import.meta.filename.endsWith("/modules/import_meta.mjs"));
console.log("dirname:", import.meta.dirname === path.dirname(import.meta.filename));
console.log("argv[1]:", process.argv[1] === import.meta.filename);
console.log("lib:", meta);
