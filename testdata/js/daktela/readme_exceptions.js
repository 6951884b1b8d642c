// README "Handling exceptions": every failure is a RequestException.
const client = daktela.client();
const request = daktela.buildReadSingleRequest("Users", "nobody");
try {
	client.execute(request);
} catch (ex) {
	if (ex instanceof daktela.RequestException) {
		console.log("caught", ex.name, ex.code, ex.getHttpStatus(), ex.getErrors());
		console.log(ex instanceof daktela.NotFoundException, ex instanceof Error);
		console.log(ex.message);
		console.log(ex.stack.split("\n")[1]);
	}
}
