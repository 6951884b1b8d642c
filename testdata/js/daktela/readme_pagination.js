// README: setTake and setSkip.
const client = daktela.client();
const request = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.setTake(1000)
	.setSkip(10);
const response = client.execute(request);
console.log(response.getTotal(), response.getData().length, request.getTake(), request.getSkip());
