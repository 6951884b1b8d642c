// README: every way of giving filters, combined with AND.
const client = daktela.client();
const request = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.addFilter("created", "gte", "2020-11-01 00:00:00")
	.addFilterFromArray([
		{field: "edited", operator: "lte", 0: "2020-11-30 23:59:59"},
		["action", "eq", "0"],
	])
	.addSort("created", "asc");
console.log(JSON.stringify(request.getFilters()));
const response = client.execute(request);
console.log(response.getTotal());
