// README "Memory-Efficient Iteration": for...of, options, helpers, pages.
const client = daktela.client();
client.getApiCommunicator().setConcurrency(1); // pages on demand: first() sends no read-ahead, a stable request log
const request = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.addFilter("created", "gte", "2020-01-01 00:00:00");

let n = 0;
for (const record of client.iterate(request)) {
	n++;
}
console.log("iterated", n);

const iterator = client.iterate(request, {pageSize: 100, maxItems: 150, stopOnError: true});
const first = iterator.first();
const all = iterator.toArray();
const count = iterator.count();
const isEmpty = iterator.isEmpty();
console.log(first.name, all.length, count, isEmpty);

let each = 0;
iterator.each(item => { each++; });
const filtered = iterator.filter(item => item.action === "0");
const mapped = iterator.map(item => item.name);
console.log(each, filtered.count(), mapped.first());

for (const response of client.iterate(request, 100).pages()) {
	console.log("Total:", response.getTotal(), "page:", response.getData().length);
}
