// README "Deleting entities": 204, no data.
const client = daktela.client();
const request = daktela.RequestFactory.buildDeleteRequest("CampaignsRecords")
	.setObjectName("records_5fa299a48ab72834012563");
const response = client.execute(request);
console.log(response.getHttpStatus(), response.getData(), response.isEmpty());
try {
	client.execute(daktela.buildReadSingleRequest("CampaignsRecords", "records_5fa299a48ab72834012563"));
} catch (e) {
	console.log(e.name, e.code);
}
