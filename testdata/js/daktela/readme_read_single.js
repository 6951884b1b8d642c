// README: one record, by the factory or by setRequestType(TYPE_SINGLE) + setObjectName.
const client = daktela.client();
const a = daktela.RequestFactory.buildReadSingleRequest("CampaignsRecords", "records_5fa299a48ab72834012563");

const b = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.setRequestType(daktela.ReadRequest.TYPE_SINGLE)
	.setObjectName("records_5fa299a48ab72834012563");
const ra = client.execute(a), rb = client.execute(b);
console.log(Array.isArray(ra.getData()), ra.getData().name, rb.getData().number);
console.log(JSON.stringify(ra.getData()) === JSON.stringify(rb.getData()));
