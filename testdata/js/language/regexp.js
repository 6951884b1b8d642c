// @node
// Regular expressions: the u, y and s flags, lookbehind, matchAll. (Named groups are
// missing: language/missing.js.)
const m = /(\d{4})-(\d{2})/.exec("on 2026-12-03");
console.log(m[1], m[2]);
console.log(/(?<=\$)\d+/.exec("cost $42")[0], /a.b/s.test("a\nb"), /\u{1F600}/u.test("😀"));
const sticky = /\d/y;
sticky.lastIndex = 1;
console.log(sticky.test("a1"), sticky.lastIndex);
console.log([..."a1b22c333".matchAll(/\d+/g)].map((x) => x[0]).join());
console.log("2026-12-03".replace(/(\d+)-(\d+)-(\d+)/, "$3.$2.$1"));
