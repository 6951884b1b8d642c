// NaN, functions and cycles cannot be sent as JSON: each is a TypeError naming where.
const req = daktela.buildCreateRequest("CampaignsRecords");
const tries = [
	() => req.addAttribute("score", NaN),
	() => req.addAttribute("customFields", {note: [1, Infinity]}),
	() => req.addAttributes({callback() {}}),
	() => { const o = {a: {}}; o.a.back = o; req.addAttribute("o", o); },
	() => req.addFloatAttribute("f", "1.5"),
	() => req.addBoolAttribute("b", 1),
	() => req.addArrayAttribute("tags", "x"),
	() => daktela.buildReadRequest("Users").addFilter("a", "in", [1, {}]),
	() => daktela.buildReadRequest("Users").setFields("name"),
	() => daktela.buildReadRequest("Users").setSkip(-1),
	() => daktela.client().execute({}),
	() => daktela.client().iterate(daktela.buildCreateRequest("Users")),
	() => daktela.client().getApiCommunicator().setAuthenticationMethod("cookie"),
	() => new daktela.RetryConfig({maxRetries: -1}),
	() => new daktela.RateLimitConfig({autoretry: true}),
];
for (const t of tries) {
	try { t(); console.log("no error"); } catch (e) { console.log(e.name + ": " + e.message); }
}
console.log(JSON.stringify(req.getAttributes()));
req.addAttribute("after", NaN);
