// README: TYPE_ALL reads every page; setSkipErrorRequests(true) skips failing pages.
const client = daktela.client();
const request = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.setRequestType(daktela.ReadRequest.TYPE_ALL)
	.addFilter("created", "gte", "2020-11-01 00:00:00")
	.addSort("created", "asc");
const response = client.execute(request);
console.log(response.getTotal(), response.getData().length);

const skipping = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.setRequestType(daktela.ReadRequest.TYPE_ALL)
	.setSkipErrorRequests(true);
const all = client.execute(skipping);
console.log(all.getTotal(), all.getData().length, all.hasErrors(), skipping.isSkipErrorRequests());
