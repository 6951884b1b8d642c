// README "Advanced Configuration": SSL, User-Agent, logger, retries, rate limits.
const client = daktela.client();
const comm = client.getApiCommunicator();
comm.setVerifySsl(false);
comm.setVerifySsl(true);
comm.setUserAgentSuffix("MyApp/1.0");
console.log(comm.getUserAgent().endsWith(" MyApp/1.0"));

const entries = [];
comm.setLogger(entry => entries.push(entry));

comm.setRetryConfig(new daktela.RetryConfig({
	maxRetries: 3,
	baseDelayMs: 100,
	maxDelayMs: 10000,
	multiplier: 2.0,
	retryableStatusCodes: [500, 502, 503, 504],
	retryOnConnectionError: true,
}));
console.log(JSON.stringify(comm.getRetryConfig()));
comm.setRetryConfig(daktela.RetryConfig.aggressive());
console.log(comm.getRetryConfig().getMaxRetries());
comm.setRetryConfig(daktela.RetryConfig.disabled());
console.log(comm.getRetryConfig().getMaxRetries());

comm.setRateLimitConfig(new daktela.RateLimitConfig({
	autoRetry: true,
	maxWaitSeconds: 60,
	defaultWaitSeconds: 5,
}));
console.log(JSON.stringify(comm.getRateLimitConfig()), comm.getRateLimitConfig().shouldAutoRetry());

client.execute(daktela.buildReadRequest("Users").setTake(1));
const e = entries[0];
console.log(entries.length, e.level, e.message, e.method, e.path, e.status, e.attempt, typeof e.durationMs, e.bytes > 0);
