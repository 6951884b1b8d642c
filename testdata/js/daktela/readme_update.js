// README "Updating entities".
const client = daktela.client();
const request = daktela.RequestFactory.buildUpdateRequest("CampaignsRecords")
	.setObjectName("records_5fa299a48ab72834012563")
	.addStringAttribute("number", "00420226211245")
	.addIntAttribute("number", 0)
	.addAttributes({queue: 3000});
const response = client.execute(request);
console.log(response.getHttpStatus(), response.getData().name, response.getData().number);
