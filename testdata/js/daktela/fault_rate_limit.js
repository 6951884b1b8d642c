// @faults 429:path=users:retry=7,429:path=queues:n=1:retry=0
// README "Rate Limit Handling": with autoRetry off, a 429 is a RateLimitException that says
// how long the server asked to wait; with autoRetry on (the default) it is waited out.
const client = daktela.client();
const comm = client.getApiCommunicator();
comm.setRateLimitConfig(new daktela.RateLimitConfig({autoRetry: false}));
try {
	client.execute(daktela.buildReadRequest("Users"));
} catch (ex) {
	if (ex instanceof daktela.RateLimitException) {
		const waitSeconds = ex.getRetryAfterSeconds();
		console.log(ex.name, ex.code, waitSeconds, ex instanceof daktela.RequestException);
		console.log(ex.message);
	}
}

// The default config waits as Retry-After asks (here 0 s) and sends the request again.
comm.setRateLimitConfig(new daktela.RateLimitConfig({autoRetry: true, maxWaitSeconds: 10}));
const attempts = [];
comm.setLogger(e => attempts.push(`${e.method} ${e.path} ${e.status} attempt ${e.attempt}`));
const queues = client.execute(daktela.buildReadRequest("Queues").setTake(2));
console.log(queues.getHttpStatus(), queues.getTotal(), attempts);
