// @faults html:n=1-2
// A proxy in front of the API answers with an HTML 502 page: a RequestException with the
// status and the page kept as the response body; with retries on, the read is sent again.
const client = daktela.client();
const comm = client.getApiCommunicator();
comm.setRetryConfig(daktela.RetryConfig.disabled());
try {
	client.execute(daktela.buildReadRequest("Users"));
} catch (ex) {
	console.log(ex.name, ex.getHttpStatus(), ex instanceof daktela.RequestException, ex.getErrors());
	console.log(ex.message);
	console.log(ex.getResponseBody().includes("<html"), ex.getResponseBody().split("\n").find(l => l.includes("<title>")).trim());
}

comm.setRetryConfig(new daktela.RetryConfig({maxRetries: 2, baseDelayMs: 10}));
const users = client.execute(daktela.buildReadRequest("Users").setTake(3));
console.log(users.getHttpStatus(), users.getData().map(u => u.name));
