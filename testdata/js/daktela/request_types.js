// setRequestType takes the TYPE_ constants (strings here, "multiple", "single", "all") and
// PHP's integers (ReadRequest::TYPE_MULTIPLE = 0, TYPE_SINGLE = 1, TYPE_ALL = 2): each pair
// sends the same request. Anything else is an UnknownRequestTypeException.
const client = daktela.client();
client.getApiCommunicator().setConcurrency(1); // TYPE_ALL's pages in order in the request log
const R = daktela.ReadRequest;
console.log(R.TYPE_MULTIPLE, R.TYPE_SINGLE, R.TYPE_ALL, daktela.RequestType.TYPE_SINGLE === R.TYPE_SINGLE);

const pairs = [["TYPE_MULTIPLE", R.TYPE_MULTIPLE, 0], ["TYPE_SINGLE", R.TYPE_SINGLE, 1], ["TYPE_ALL", R.TYPE_ALL, 2]];
for (const [label, constant, php] of pairs) {
	const results = [constant, php].map(type => {
		const request = daktela.buildReadRequest("Queues").setRequestType(type).setTake(2);
		if (label === "TYPE_SINGLE") request.setObjectName(3000);
		const response = client.execute(request);
		const data = response.getData();
		const names = Array.isArray(data) ? `${data.map(q => q.name).join(",")} of ${response.getTotal()}` : `${data.name} ${data.title}`;
		return `${request.getRequestType()}: ${names}`;
	});
	console.log(label, JSON.stringify(constant), php, "->", results.join(" | "));
}

for (const bad of [3, -1, 1.5, "1", "SINGLE", true, null]) {
	try {
		const r = daktela.buildReadRequest("Queues").setRequestType(bad);
		console.log(JSON.stringify(bad), "accepted as", r.getRequestType());
	} catch (ex) {
		console.log(JSON.stringify(bad), ex.name, ex instanceof daktela.RequestException, ex.message);
	}
}
