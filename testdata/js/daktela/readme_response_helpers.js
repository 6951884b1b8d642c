// README "Response Helper Methods".
const client = daktela.client();
const response = client.execute(daktela.buildReadRequest("Users").addFilter("name", "eq", "nobody"));
if (response.isSuccess()) {
	console.log("success", response.getData());
}
if (!response.hasErrors()) {
	console.log("no errors", response.getFirstError());
}
if (response.isEmpty()) {
	console.log("No records found");
}
