// A loop that updates each record so it no longer matches the read visits every record
// once: after the script's first write to Contacts the iterator continues after the last
// record it gave (a keyset page: the filter plus "name gt <last>") instead of at an offset
// the writes have shifted. The first page is read by offset, before any write.
const client = daktela.client();
client.getApiCommunicator().setConcurrency(1); // a fixed request order for .requests

const todo = daktela.buildReadRequest("Contacts").addFilter("description", "neq", "visited");
const before = client.iterate(todo).count();
const seen = new Set();
let visits = 0;
for (const c of client.iterate(todo, { pageSize: 7 })) {
  visits++;
  seen.add(c.name);
  client.execute(daktela.buildUpdateRequest("Contacts").setObjectName(c.name).addStringAttribute("description", "visited"));
}
console.log("matching before:", before, "visits:", visits, "distinct:", seen.size, "left:", client.iterate(todo).count());

