// @faults truncated
const res = daktela.client().execute(daktela.buildReadRequest("Queues"))
