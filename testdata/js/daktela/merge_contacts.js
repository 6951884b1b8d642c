// client.merge: two contacts become one (the first survives, its tickets include the
// other's); the merge counts as a write; bad arguments throw before anything is sent.
const client = daktela.client();
const contacts = client.execute(daktela.RequestFactory.buildReadRequest("Contacts").setTake(2).setFields(["name"])).getData();
const [keep, drop] = contacts.map((c) => c.name);
const ticketsOf = (name) =>
	client.execute(daktela.RequestFactory.buildReadRequest("Contacts").setObjectName(name).setRelation("tickets").setTake(1)).getTotal();
const before = ticketsOf(keep) + ticketsOf(drop);

const merged = client.merge("Contacts", [keep, drop]);
console.log("status", merged.getHttpStatus(), "kept first:", merged.getData().name === keep);
console.log("tickets of the survivor = both before:", ticketsOf(keep) === before);
try {
	client.execute(daktela.RequestFactory.buildReadRequest("Contacts").setRequestType("single").setObjectName(drop));
} catch (e) {
	console.log("the other:", e instanceof daktela.NotFoundException);
}
for (const args of [["Users", [keep, drop]], ["Contacts", [keep]], ["Tickets", [1, {}]]]) {
	try {
		client.merge(...args);
	} catch (e) {
		console.log(e.name + ": " + e.message);
	}
}
