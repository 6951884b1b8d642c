// @faults cap:take=4
// A server that serves fewer records than asked (4 for 10 here) is read to the end:
// TYPE_ALL and iterate advance by what came back, not by what they asked for, and stop on
// reaching the total or on an empty page, not on the first short page.
const client = daktela.client();
client.getApiCommunicator().setConcurrency(1); // a fixed request order for .requests
const req = daktela.buildReadRequest("Queues").setFields(["name"]).setRequestType(daktela.ReadRequest.TYPE_ALL).setTake(10);
const all = client.execute(req);
console.log("TYPE_ALL:", all.getData().length, "of", all.getTotal());
console.log("iterate:", client.iterate(req, { pageSize: 10 }).toArray().length);
