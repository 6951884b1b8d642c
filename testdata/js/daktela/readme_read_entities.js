// README "Reading entities": a filter and a sort.
const client = daktela.client();
const request = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.addFilter("created", "gte", "2020-11-01 00:00:00")
	.addSort("created", "asc");
const response = client.execute(request);
const data = response.getData();
console.log(response.getTotal(), data.length, Array.isArray(data));
console.log(data.slice(0, 3).map(r => r.created));
