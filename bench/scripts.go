package main

// The scripts the workloads run. Each touches the same three fields of every record and
// prints the sums (see sums) as its last line of output.

// jsReadAll reads every record with one TYPE_ALL execute (pages of 1000).
const jsReadAll = `const res = daktela.client().execute(
	daktela.buildReadRequest("campaignsRecords").setRequestType(daktela.ReadRequest.TYPE_ALL).setTake(1000));
const recs = res.getData();
let users = 0, numLen = 0, action2 = 0;
for (let i = 0; i < recs.length; i++) {
	const r = recs[i];
	if (r.user && r.user.name) users++;
	numLen += r.number.length;
	if (r.action === "2") action2++;
}
console.log(recs.length, users, numLen, action2);
`

// jsIterate reads every record through client.iterate with default settings, or with
// the options in the environment's ITERATE_OPTIONS (JSON). With ITERATE_WRITE set, the
// loop sends an update of the first record (its number, unchanged) to the model it reads,
// so the rest is read by keyset, as a loop that changes what it reads is; the fake refuses
// writes to its synthesised records, which changes nothing here: the write was sent.
const jsIterate = `const opts = process.env.ITERATE_OPTIONS ? JSON.parse(process.env.ITERATE_OPTIONS) : undefined;
const write = !!process.env.ITERATE_WRITE;
let count = 0, users = 0, numLen = 0, action2 = 0;
const client = daktela.client();
for (const r of client.iterate(daktela.buildReadRequest("campaignsRecords"), opts)) {
	if (write && count === 0) {
		try {
			client.execute(daktela.buildUpdateRequest("campaignsRecords").setObjectName(r.name).addStringAttribute("number", r.number));
		} catch (e) {
			if (!(e instanceof daktela.RequestException)) throw e;
		}
	}
	count++;
	if (r.user && r.user.name) users++;
	numLen += r.number.length;
	if (r.action === "2") action2++;
}
console.log(count, users, numLen, action2);
`

// nodeFetch is the V8 reference: fetch + JSON.parse, four pages at a time once the
// first page gave the total.
const nodeFetch = `const [url, token] = process.argv.slice(2);
const get = async (skip) => {
	const r = await fetch(url + "/api/v6/campaignsRecords.json?skip=" + skip + "&take=1000", { headers: { "X-Auth-Token": token } });
	if (!r.ok) throw new Error("HTTP " + r.status);
	return (await r.json()).result;
};
let count = 0, users = 0, numLen = 0, action2 = 0;
const loop = (recs) => {
	for (let i = 0; i < recs.length; i++) {
		const r = recs[i];
		count++;
		if (r.user && r.user.name) users++;
		numLen += r.number.length;
		if (r.action === "2") action2++;
	}
};
(async () => {
	const first = await get(0);
	loop(first.data);
	const total = Number(first.total);
	let next = 1000;
	const inflight = [];
	while (next < total || inflight.length) {
		while (inflight.length < 4 && next < total) { inflight.push(get(next)); next += 1000; }
		loop((await inflight.shift()).data);
	}
	console.log(count, users, numLen, action2);
})().catch((e) => { console.error(e.message); process.exit(1); });
`

// nodeConnector reads page after page with the official JS connector's get().
const nodeConnector = `const [url, token, pkg] = process.argv.slice(2);
const Daktela = require(pkg);
const api = new Daktela.DaktelaConnector(url, token);
let count = 0, users = 0, numLen = 0, action2 = 0;
(async () => {
	for (let skip = 0; ; skip += 1000) {
		const r = await api.get("campaignsRecords", { pagination: Daktela.Pagination(1000, skip) });
		for (const rec of r.data) {
			count++;
			if (rec.user && rec.user.name) users++;
			numLen += rec.number.length;
			if (rec.action === "2") action2++;
		}
		if (r.data.length < 1000 || skip + 1000 >= Number(r.total)) break;
	}
	console.log(count, users, numLen, action2);
})().catch((e) => { console.error(e.message); process.exit(1); });
`
