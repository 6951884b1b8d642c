// executeAsync and executeAll: the script waits for pending work; results come in the
// order of the requests; a failure rejects with its exception, whose stack points at the
// call. (One request at a time here, so the request log is stable.)
const client = daktela.client();

client.executeAsync(daktela.buildReadRequest("Users").setTake(2))
	.then(res => {
		console.log("async", res.getData().length, res.getTotal() > 0);
		const reqs = [
			daktela.buildReadSingleRequest("Users", "admin"),
			daktela.buildReadRequest("CampaignsRecords").setTake(3),
			daktela.buildReadRequest("Users").addFilter("name", "eq", "supervisor"),
		];
		return client.executeAll(reqs, {concurrency: 1});
	})
	.then(rs => {
		console.log("all", rs.length, rs[0].getData().name, rs[1].getData().length, rs[2].getData()[0].name);
		return client.executeAsync(daktela.buildReadSingleRequest("Users", "nobody"));
	})
	.catch(e => {
		console.log("rejected", e.name, e.code);
		console.log("  ", e.stack.split("\n")[1].trim());
		return client.executeAll([daktela.buildReadSingleRequest("Queues", "nothing"), daktela.buildReadRequest("Users")], {concurrency: 1});
	})
	.catch(e => console.log("all rejected", e.name, e.code));
