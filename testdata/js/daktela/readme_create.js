// README "Creating entities": typed attributes; a key set twice keeps its first place.
const client = daktela.client();
const request = daktela.RequestFactory.buildCreateRequest("CampaignsRecords")
	.addStringAttribute("number", "00420226211245")
	.addIntAttribute("number", 0)
	.addAttributes({queue: 3000});
console.log(JSON.stringify(request.getAttributes()));
const response = client.execute(request);
console.log(response.getHttpStatus(), response.getData().number, response.getData().queue.name);
