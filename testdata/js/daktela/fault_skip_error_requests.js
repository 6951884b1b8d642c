// @faults 5xx:path=campaignsRecords:every=3:status=500
// README "setSkipErrorRequests": every third request to campaignsRecords fails. A TYPE_ALL
// read of four pages that skips failing pages returns the other three and lists the one
// it skipped; without setSkipErrorRequests the failure ends the read. Retries are off and
// pages are read one at a time, so the request log is the same on every run.
const client = daktela.client();
const comm = client.getApiCommunicator();
comm.setConcurrency(1).setRetryConfig(daktela.RetryConfig.disabled());
const request = daktela.buildReadRequest("CampaignsRecords")
	.setRequestType(daktela.ReadRequest.TYPE_ALL)
	.setTake(50)
	.setFields(["name"])
	.setSkipErrorRequests(true);
const response = client.execute(request);
console.log(response.getTotal(), response.getData().length, response.isSuccess());
for (const page of response.getSkipped()) {
	console.log(`skipped records ${page.skip}..${page.skip + page.take - 1}: ${page.error}`);
}

try {
	client.execute(request.setSkipErrorRequests(false));
} catch (ex) {
	console.log(ex.name, ex.getHttpStatus(), ex.message);
}
