// README "Health Check": ping and healthCheck (latency varies, so only its type is shown).
const client = daktela.client();
if (client.ping()) {
	console.log("API is reachable");
}
const health = client.healthCheck();
console.log(Object.keys(health), health.healthy, health.status_code, typeof health.latency_ms);
