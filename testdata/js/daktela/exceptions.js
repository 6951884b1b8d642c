// Every exception class: instanceof for the class and its parents, code, status, errors,
// and a stack that points at the line that called execute.
const client = daktela.client();

function attempt(label, fn) {
	try {
		fn();
		console.log(label, "no exception");
	} catch (e) {
		const classes = ["RequestException", "NotFoundException", "RateLimitException", "UnknownRequestTypeException"]
			.filter(c => e instanceof daktela[c]);
		console.log(label, e.name, classes.join(","), e.code, e.getHttpStatus(), JSON.stringify(e.getErrors()));
		console.log("  ", e.message);
		console.log("  ", e.stack.split("\n")[1].trim());
	}
}

attempt("404", () => client.execute(daktela.buildReadSingleRequest("Users", "nobody")));
attempt("no name", () => client.execute(daktela.buildUpdateRequest("Users").addStringAttribute("title", "x")));
attempt("400", () => client.execute(daktela.buildCreateRequest("CampaignsRecords").addStringAttribute("bogus", "x")));
attempt("type", () => daktela.buildReadRequest("Users").setRequestType("everything"));
attempt("php number type", () => daktela.buildReadRequest("Users").setRequestType(5));

// Scripts can make and throw them too.
try {
	throw new daktela.RateLimitException("slow down", 429, [], null, 30);
} catch (e) {
	console.log(e instanceof daktela.RequestException, e.getRetryAfterSeconds(), e.getCode(), e.getMessage());
}
