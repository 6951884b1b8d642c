// An iterator helper given something that is not a function: the TypeError the module's
// own code throws points at this script's call, and no frame of the module's code shows.
const client = daktela.client();
const names = client.iterate(daktela.buildReadRequest("Users").setFields(["name"]))
	.map("name")
	.toArray();
console.log("not reached", names);
