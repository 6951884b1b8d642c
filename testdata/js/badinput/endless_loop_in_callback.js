// @timeout 1s
const it = daktela.client().iterate(daktela.buildReadRequest("Queues"))
it.each(q => { while (q) {} })
