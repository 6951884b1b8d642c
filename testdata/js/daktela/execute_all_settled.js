// @faults 5xx:method=POST:n=2:status=503
// executeAllSettled sends every request past failures and resolves with one entry per
// request, in order, as Promise.allSettled: a 503 on a create (which may have made the
// record: creates are not retried), an element that is not a request (a TypeError entry,
// not a throw) and a 404 do not stop the rest. executeAll stays fail-fast, and its error
// names the failed request's index and how many had completed. (One request at a time,
// so the request log is stable.)
const client = daktela.client();
const show = e => e.status === "fulfilled"
	? `${e.index} fulfilled ${e.value.httpStatus} ${e.value.data.title || e.value.data.name}`
	: `${e.index} rejected ${e.reason.name}: ${e.reason.message}`;

client.executeAllSettled([
	daktela.buildCreateRequest("Statuses").addStringAttribute("title", "one"),
	daktela.buildCreateRequest("Statuses").addStringAttribute("title", "two"),
	"not a request",
	daktela.buildReadSingleRequest("Users", "nobody"),
	daktela.buildReadSingleRequest("Users", "admin"),
], {concurrency: 1})
	.then(entries => {
		console.log(entries.length, JSON.stringify(Object.keys(entries[0])), JSON.stringify(Object.keys(entries[1])));
		entries.forEach(e => console.log(show(e)));
		console.log("reason class", entries[1].reason instanceof daktela.RequestException, entries[3].reason instanceof daktela.NotFoundException, entries[2].reason instanceof TypeError);
		return client.executeAllSettled([]);
	})
	.then(entries => {
		console.log("empty", entries.length);
		return client.executeAll([
			daktela.buildReadSingleRequest("Users", "admin"),
			daktela.buildReadSingleRequest("Queues", "nothing"),
			daktela.buildReadSingleRequest("Users", "supervisor"),
		], {concurrency: 1});
	})
	.catch(e => {
		console.log(e.name, e.code, "index", e.index, "completed", e.completed);
		console.log(e.message);
		return client.executeAll([daktela.buildCreateRequest("Statuses").addStringAttribute("title", "three")]);
	})
	.then(rs => console.log("created", rs[0].httpStatus, rs[0].data.title));
