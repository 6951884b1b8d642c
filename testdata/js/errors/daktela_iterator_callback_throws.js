// A filter callback that throws: the error is at the callback's line; the stack shows
// the script's frames only (the callback and the toArray() call), not the module's.
const client = daktela.client();
const odd = client.iterate(daktela.buildReadRequest("Users").setFields(["name"]).setTake(3), {maxItems: 3})
	.filter(u => u.profile.name === "x")
	.toArray();
console.log("not reached", odd);
