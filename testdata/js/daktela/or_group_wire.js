// addFilterFromArray nests OR groups as the PHP connector's appendFilterGroup does: on an
// empty request the OR group is the top level itself; anything added next wraps it in an
// AND group; after other filters it is one nested group; two OR groups are (A OR B) AND (C OR D).
const client = daktela.client();
const or = (a, b) => ({logic: "or", filters: [["name", "eq", a], ["name", "eq", b]]});
const reads = [
	daktela.buildReadRequest("Users").addFilterFromArray(or("admin", "supervisor")),
	daktela.buildReadRequest("Users").addFilterFromArray(or("admin", "supervisor")).addFilter("title", "neq", "x"),
	daktela.buildReadRequest("Users").addFilter("title", "neq", "x").addFilterFromArray(or("admin", "supervisor")),
	daktela.buildReadRequest("Users").addFilterFromArray(or("admin", "supervisor")).addFilterFromArray(or("admin", "nobody")),
	daktela.buildReadRequest("Users").addFilterFromArray([or("admin", "supervisor")]),
	daktela.buildReadRequest("Users").addFilterFromArray({logic: "or", 0: ["name", "eq", "admin"], 1: ["name", "eq", "supervisor"]}),
];
for (const r of reads) {
	console.log(JSON.stringify(r.getFilters()));
	console.log(client.execute(r).getData().map(u => u.name).sort().join());
}
