// The runtime hands scripts the configured client; async requests keep the loop alive,
// and the wire requests are pinned in daktela_client.requests.
const client = daktela.client();
const res = client.execute(daktela.buildReadRequest('Users').addFilter('name', 'eq', 'admin').setFields(['name', 'title']));
console.log(res.getTotal(), res.getData());
const later = await client.executeAsync(daktela.buildReadSingleRequest('Queues', '3000'));
console.log(later.getData().title);
try {
  client.execute(daktela.buildReadSingleRequest('Users', 'nobody'));
} catch (e) {
  console.log(e instanceof daktela.NotFoundException, e.message);
}
