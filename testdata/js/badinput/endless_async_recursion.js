// @timeout 300ms
async function poll(n) { await null; return poll(n + 1) }
poll(0)
