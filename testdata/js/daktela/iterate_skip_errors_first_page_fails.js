// @faults 5xx:path=campaignsRecords:n=1:status=500
// stopOnError: false skips a failing page once the first page has given the total; a
// failing first page ends the read with its error instead of ending the loop silently
// with no record.
const client = daktela.client();
client.getApiCommunicator().setRetryConfig(daktela.RetryConfig.disabled());
let n = 0;
try {
  for (const r of client.iterate(daktela.buildReadRequest("CampaignsRecords").setFields(["name"]), { stopOnError: false })) n++;
  console.log("no error,", n, "records");
} catch (e) {
  console.log(e.name, e.getHttpStatus(), "after", n, "records");
}
