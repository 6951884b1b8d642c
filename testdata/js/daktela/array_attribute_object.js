// addArrayAttribute takes what PHP's array takes: a list, or an object of keys and values
// (PHP's associative array), such as the customFields of a record.
const client = daktela.client();
const req = daktela.buildCreateRequest("Contacts")
	.addStringAttribute("title", "Jan Novák").addStringAttribute("lastname", "Novák")
	.addArrayAttribute("customFields", {number: ["+420 226 211 245"], email: []})
	.addArrayAttribute("tags", ["vip"]);
console.log(JSON.stringify(req.getAttributes()));
const created = client.execute(req);
console.log(created.getHttpStatus(), JSON.stringify(created.getData().customFields.number));
for (const bad of [null, "x", new Date(0), new Map(), {toJSON: () => "text"}]) {
	try {
		req.addArrayAttribute("customFields", bad);
		console.log("no error");
	} catch (e) {
		console.log(e.name + ": " + e.message);
	}
}
