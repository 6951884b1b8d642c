// iterate: break stops fetching, filter and map are lazy, helpers on derived iterables,
// positional options, pages.
const client = daktela.client();
client.getApiCommunicator().setConcurrency(1); // one page at a time: a stable request log
const req = daktela.buildReadRequest("CampaignsRecords").addSort("name", "asc");

let seen = 0;
for (const r of client.iterate(req, {pageSize: 10})) {
	if (++seen === 3) break;
}
console.log("stopped after", seen);

let calls = 0;
const lazy = client.iterate(req, 10).filter(r => { calls++; return r.action === "1"; }).map(r => r.name);
console.log("filter ran", calls, "times before use");
console.log(lazy.first(), "after first:", calls);
console.log(lazy.toArray().length, lazy.count(), lazy.isEmpty());

const positional = client.iterate(req, 5, 12, true);
console.log(positional.count(), positional.toArray().map(r => r.name).length);
const idx = [];
positional.each((r, i) => idx.push(i));
console.log(idx.join(","));

let pages = 0, records = 0;
for (const page of client.iterate(req, {pageSize: 25}).pages()) {
	pages++;
	records += page.getData().length;
}
console.log(pages, "pages", records, "records");

const empty = client.iterate(daktela.buildReadRequest("CampaignsRecords").addFilter("name", "eq", "none"));
console.log(empty.isEmpty(), empty.first(), empty.count(), [...empty].length);
