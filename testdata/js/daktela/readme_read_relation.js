// README: relation data, by the factory or by setRelation + setObjectName.
const client = daktela.client();
const a = daktela.RequestFactory.buildReadRelationRequest("CampaignsRecords", "records_5fa299a48ab72834012563", "activities");

const b = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.setRequestType(daktela.ReadRequest.TYPE_MULTIPLE)
	.setRelation("activities")
	.setObjectName("records_5fa299a48ab72834012563");
const ra = client.execute(a), rb = client.execute(b);
console.log(ra.getTotal(), rb.getTotal(), ra.getData().map(x => x.name).join() === rb.getData().map(x => x.name).join());
for (const act of ra.getData()) {
	console.log(act.time, act.type, act.title, `${act.duration} s`, "by", act.user.title, "in queue", act.queue.title);
}
