// @faults truncated
// Every 2xx answer is cut short: the read is retried as the retry config allows, then fails clearly.
const res = daktela.client().execute(daktela.buildReadRequest("Queues"))
