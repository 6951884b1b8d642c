// @node
// JSON (well-formed stringify, the JSON superset) and Date.
console.log(JSON.stringify({ a: [1, "x", null], d: new Date(Date.UTC(2026, 11, 3)) }));
console.log(JSON.stringify("\ud800"), JSON.parse('"\u2028"').length);
const d = new Date("2026-12-03T08:30:00Z");
console.log(d.toISOString(), d.getUTCHours(), Date.UTC(2026, 0, 1));
