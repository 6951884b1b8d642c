// A Date given to the builders goes out as the API's "YYYY-MM-DD HH:MM:SS" in the
// instance's time zone (Europe/Prague unless configured), wherever it sits: an
// attribute, addAttributes, an array or object, a filter value or a list of them.
// JSON's ISO form ("2026-01-20T08:30:00.000Z") would be refused by the API with a 400.
const client = daktela.client();
const winter = new Date("2026-01-20T08:30:00Z");          // 09:30 in Prague (CET)
const summer = new Date(Date.UTC(2026, 6, 1, 22, 0, 5, 750)); // 00:00:05 on 2 July (CEST)

const create = daktela.buildCreateRequest("campaignsRecords")
	.addAttribute("number", "+420 600 000 001")
	.addAttribute("queue", 3000)
	.addAttributes({nextcall: winter, customFields: {note: [summer]}});
console.log(JSON.stringify(create.getAttributes()));
const record = client.execute(create).getData();
console.log(record.nextcall);

const read = daktela.buildReadRequest("campaignsRecords")
	.addFilter("nextcall", "gte", winter)
	.addFilter("nextcall", "in", [winter, summer])
	.addFilterFromArray([{field: "nextcall", operator: "lte", value: summer}]);
console.log(JSON.stringify(read.getFilters().filters.map((f) => f.value)));
console.log(client.execute(read).getData().map((r) => r.name).includes(record.name));

try {
	daktela.buildCreateRequest("campaignsRecords").addAttribute("nextcall", new Date("not a date"));
} catch (e) {
	console.log(e.name + ": " + e.message);
}
try {
	daktela.buildReadRequest("campaignsRecords").addFilter("nextcall", "in", [winter, new Date(NaN)]);
} catch (e) {
	console.log(e.name + ": " + e.message);
}

// The ISO form itself, as a string, is what the API refuses (and so does the fake).
try {
	client.execute(daktela.buildCreateRequest("campaignsRecords")
		.addAttribute("number", "+420 600 000 002").addAttribute("queue", 3000)
		.addAttribute("nextcall", winter.toISOString()));
} catch (e) {
	console.log(e.getHttpStatus(), JSON.stringify(e.getErrors()));
}
