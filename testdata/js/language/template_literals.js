// @node
// Template literals: interpolation, multi-line strings, tagged templates, String.raw.
const who = "world";
console.log(`hello ${who.toUpperCase()} ${1 + 1}`);
console.log(`two
lines`);
const tag = (strings, ...values) => strings.raw.join("|") + " / " + values.join(",");
console.log(tag`a${1}b${2}c`);
console.log(String.raw`C:\new\table`);
