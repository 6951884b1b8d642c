// @faults 5xx:path=users:n=1-2:status=503,5xx:method=POST:n=1:status=500
// README "Retry Mechanism": a read that gets 503 twice is sent again and succeeds (the
// request log shows the three attempts); a create is never retried on a 5xx, since the
// server may have saved it, so it fails at once and nothing is created twice.
const client = daktela.client();
const comm = client.getApiCommunicator();
comm.setRetryConfig(new daktela.RetryConfig({maxRetries: 3, baseDelayMs: 10, retryableStatusCodes: [500, 502, 503, 504]}));
const attempts = [];
comm.setLogger(e => attempts.push(`${e.method} ${e.path} ${e.status} attempt ${e.attempt}`));

const users = client.execute(daktela.buildReadSingleRequest("Users", "admin"));
console.log(users.getHttpStatus(), users.getData().name);
console.log(attempts.join("\n"));

attempts.length = 0;
try {
	client.execute(daktela.buildCreateRequest("Statuses").addStringAttribute("title", "Call later"));
} catch (ex) {
	console.log(ex.name, ex.getHttpStatus(), ex.message);
}
console.log(attempts.join("\n"));
