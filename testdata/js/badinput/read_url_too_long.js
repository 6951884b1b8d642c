// A read filtered on 20 000 numbers: its URL would pass the 8 KiB request line limit of
// front proxies, so it fails before anything is sent, with a message of a readable size
// that names the filter and daktela.chunk. Read in parts of 100, every part is sent.
const client = daktela.client();
const numbers = Array.from({ length: 20000 }, (_, i) => "+420" + String(601000000 + i));
const parts = daktela.chunk(numbers, 100);
console.log(parts.length, "parts of", parts[0].length, "and", parts[parts.length - 1].length);
const first = parts.slice(0, 3).map(p => client.execute(daktela.buildReadRequest("CampaignsRecords").addFilter("number", "in", p).setTake(1)).httpStatus);
console.log("parts read:", first.join(" "));
client.execute(daktela.buildReadRequest("CampaignsRecords").addFilter("number", "in", numbers));
