// addAdditionalQueryParameter on create, update and delete (PHP's ARequest has it on every
// request): the parameters go into the URL, the attributes stay in the body.
const client = daktela.client();
const create = daktela.buildCreateRequest("Accounts")
	.addStringAttribute("name", "account_northwind")
	.addStringAttribute("title", "Northwind s.r.o.")
	.addAdditionalQueryParameter("tags", ["fair", "2026"])
	.addAdditionalQueryParameter("source", "import")
	.addAdditionalQueryParameter("source", "sync"); // a key given twice keeps its last value
console.log(JSON.stringify(create.getAdditionalQueryParameters()));
const created = client.execute(create).getData();

const update = daktela.buildUpdateRequest("Accounts")
	.setObjectName(created.name)
	.addStringAttribute("description", "Imported from the fair list")
	.addAdditionalQueryParameter("dryRun", false)
	.addAdditionalQueryParameter("meta", {by: "script", n: 2});
console.log(JSON.stringify(update.getAdditionalQueryParameters()));
console.log(client.execute(update).getData().description);

const del = new daktela.DeleteRequest("Accounts")
	.setObjectName(created.name)
	.addAdditionalQueryParameter("reason", "duplicate & obsolete");
console.log(JSON.stringify(del.getAdditionalQueryParameters()));
console.log((await client.executeAsync(del)).getHttpStatus()); // executeAsync sends them too

// A mistake throws where it is made and leaves the request as it was.
try {
	del.addAdditionalQueryParameter("", "x");
} catch (e) {
	console.log(e.name + ": " + e.message);
}
try {
	update.addAdditionalQueryParameter("when", () => 1);
} catch (e) {
	console.log(e.name + ": " + e.message);
}
console.log(Object.keys(del.getAdditionalQueryParameters()).join(), Object.keys(update.getAdditionalQueryParameters()).join());
