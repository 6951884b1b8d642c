// @timeout 300ms
const it = daktela.client().iterate(daktela.buildReadRequest("Queues"))
it.each(q => { while (q) {} })
