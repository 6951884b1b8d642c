// @ts-check
// A script that uses every part of the API the way scripts do; CI type-checks it
// against daktela.d.ts (tsc must accept it) and runs it against the fake Daktela.
const fs = require("fs");
const csv = require("csv");
const path = require("path");
const dates = require("dates");
const util = require("util");

const client = daktela.client();
client.getApiCommunicator()
  .setRequestTimeout(60)
  .setRetryConfig(new daktela.RetryConfig({ maxRetries: 2, baseDelayMs: 50 }))
  .setRateLimitConfig({ autoRetry: true, maxWaitSeconds: 30 })
  .setLogger((entry) => { if (entry.status >= 500) console.warn(entry.method, entry.path, entry.status); });

// Builders chain and return their own request type.
const req = daktela.buildReadRequest("Users")
  .addFilter("name", "in", ["admin", "supervisor"])
  .addFilterFromArray([
    ["title", "isnotnull"],
    { field: "email", operator: "like", value: "%@%" },
    { logic: "or", filters: [{ field: "name", operator: "eq", value: "admin" }, ["name", "neq", "nobody"]] },
  ])
  .addSort("name", "desc")
  .setFields(["name", "name", "title", "email"])
  .setTake(10);
const resp = client.execute(req);
if (resp.isSuccess() && !resp.isEmpty()) {
  for (const u of resp.getData()) console.log(u.name, u.title);
}
console.log("total", resp.total, "status", resp.getHttpStatus(), req.getRequestType() === daktela.ReadRequest.TYPE_MULTIPLE);

// A single record; a missing one throws NotFoundException.
const single = client.execute(daktela.buildReadSingleRequest("Queues", "3000"));
console.log(single.getData().title);
try {
  client.execute(daktela.RequestFactory.buildReadSingleRequest("Users", "no-such-user"));
} catch (e) {
  if (e instanceof daktela.NotFoundException) console.log("not found:", e.getHttpStatus());
  else throw e;
}

// iterate: for...of, helpers, lazy map and filter, pages.
const it = client.iterate(daktela.buildReadRequest("Tickets").addSort("name", "asc"), { pageSize: 20, maxItems: 50 });
let n = 0;
for (const t of it) { n++; if (t.name === undefined) throw new Error("no name"); }
const titles = it.filter((t) => t.stage === "OPEN").map((t) => String(t.title).toUpperCase()).toArray();
for (const page of it.pages()) console.log("page of", page.getData().length, "of", page.getTotal());
console.log(n, titles.length, it.count(), it.first() !== null, it.getSkipped().length);

// Writes, with the dry-run flag visible on the response.
const created = client.execute(daktela.buildCreateRequest("Contacts")
  .addStringAttribute("lastname", "Contact")
  .addArrayAttribute("customFields", { number: ["+420 226 211 245"] })
  .addAttributes({ firstname: "Typed", description: null }));
const name = created.getData().name;
client.execute(daktela.buildUpdateRequest("Contacts").setObjectName(name).addStringAttribute("description", "typed again"));
client.execute(daktela.buildDeleteRequest("Contacts").setObjectName(name));
console.log("dry run:", created.isDryRun());

// Async requests.
const [a, b] = await client.executeAll([daktela.buildReadRequest("Queues"), daktela.buildReadRequest("Statuses")], { concurrency: 2 });
const c = await client.executeAsync(daktela.buildReadRequest("Users").setTake(1));
console.log(a.total > 0, b.total > 0, c.getData().length);
const settled = await client.executeAllSettled([daktela.buildReadRequest("Queues"), daktela.buildReadSingleRequest("Users", "nobody")], { concurrency: 2 });
for (const e of settled) {
  if (e.status === "fulfilled") console.log(e.index, e.value.total);
  else console.log(e.index, e.reason.message);
}

// Health, phone numbers, dates, files.
const h = client.healthCheck();
console.log(h.healthy, typeof h.latency_ms, client.ping());
const who = client.whoami();
console.log(who.data.user, who.getTime(), who.getTimezone());
client.getApiCommunicator().setLanguage("cs").setLanguage(null);
console.log(client.getApiCommunicator().getLanguage());
if (client.isDryRun()) {
  const m = client.merge("Contacts", ["contact_1", "contact_2"]);
  console.log(m.data.name, m.isDryRun());
}
console.log(daktela.FormatHelper.getNormalizedPhoneNumber("603 123 456", true));
const r = dates.range("last7days");
console.log(r.from < r.to, dates.format(dates.addDays(dates.today(), -1)).length, dates.timeZone);

const out = path.join(".", "typed-out.csv");
const w = csv.writer(out, { columns: ["name", { key: "title", header: "Title" }], bom: false });
try {
  for (const u of resp.getData()) w.write(u);
} finally {
  w.close();
}
for (const { line, record } of csv.reader(out)) console.log(line, record.name);
for (const line of fs.lines(out)) if (line.length === 0) throw new Error("empty line");
console.log(util.format("%s rows", csv.parseFile(out).length), fs.statSync(out).size > 0);
fs.unlinkSync(out);

setTimeout(() => console.log("timer fired"), 1);
sleep(1);
process.exitCode = 0;

// crypto: hashes, HMACs and random values.
const nodeCrypto = require("crypto");
/** @type {string} */
const signature = nodeCrypto.createHmac("sha256", "secret").update("body").digest("hex");
/** @type {Buffer} */
const rawDigest = nodeCrypto.createHash("sha1").update(new Uint8Array([1])).digest();
/** @type {string} */
const uuid = crypto.randomUUID();
/** @type {Uint32Array} */
const randomWords = crypto.getRandomValues(new Uint32Array(2));
console.log(signature, rawDigest, uuid, randomWords);

// Web globals.
/** @type {Uint8Array} */
const utf8 = new TextEncoder().encode("žluť");
/** @type {string} */
const decoded = new TextDecoder("utf-8", { fatal: true }).decode(utf8);
/** @type {number} */
const elapsed = performance.now();
const cloned = structuredClone({ a: [1], b: new Date() });
console.log(decoded, atob(btoa("x")), elapsed, cloned.a[0], cloned.b.getTime());

// os, assert and util.promisify.
const os = require("os");
/** @type {string} */
const tmp = os.tmpdir() + os.EOL + os.hostname() + os.platform();
const assert = require("assert");
assert.strictEqual(tmp.length > 0, true);
assert.deepStrictEqual({ a: 1 }, { a: 1 });
assert.throws(() => { throw new Error("x"); }, /x/);
const sleepAsync = require("util").promisify((ms, cb) => setTimeout(cb, ms));
sleepAsync(1).then(() => console.log("slept"));

// Node's "node:" prefix names the same modules.
/** @type {string} */
const joined = require("node:path").join("a", "b") + require("node:crypto").randomUUID() + require("node:os").EOL;
const nodeAssert = require("node:assert");
nodeAssert.ok(joined.length > 0);
console.log(require("node:util").format("%s", joined), require("node:fs").existsSync("x"));

// fs.promises.
fs.promises.readFile("x.csv", "utf8").then((text) => text.toUpperCase()).catch(() => null);

// Typed records: a known model's reads give its record type, in JSDoc as import("daktela").NAME.
/** @param {import("daktela").Ticket} t */
function ticketLine(t) {
  return `${t.name} ${t.title} ${t.stage} ${t.category.title} ${t.user ? t.user.title : "nobody"} ${t.customFields.order_id ?? []}`;
}
const open = daktela.buildReadRequest("Tickets")
  .addFilter("stage", "eq", "OPEN")
  .addFilter("category.sla.title", "isnotnull")
  .addFilter("customFields.product", "like", "%phone%")
  .setFields(["name", "title", "stage", "category", "user.title", "customFields"]);
for (const t of client.iterate(open, { maxItems: 5 })) console.log(ticketLine(t));
/** @type {import("daktela").User[]} */
const admins = client.execute(daktela.buildReadRequest("Users").addFilter("type", "eq", "admin")).getData();
console.log(admins.map((u) => u.profile ? u.profile.title : u.name).join(", "));

// fetch and its classes (the docs' test serves WEBHOOK_URL on loopback).
const hookHeaders = new Headers({ "Content-Type": "application/json" });
hookHeaders.append("X-Run", "nightly");
const controller = new AbortController();
fetch(new Request(process.env.WEBHOOK_URL || "http://127.0.0.1:1/", { method: "POST", headers: hookHeaders, body: JSON.stringify({ ok: true }) }), {
  signal: AbortSignal.any([controller.signal, AbortSignal.timeout(5000)]),
})
  .then((res) => (res.ok ? res.json() : Promise.reject(new Error(res.statusText))))
  .catch((e) => (e instanceof DOMException ? e.name : String(e)));
const made = Response.json({ a: 1 }, { status: 201 });
made.text().then((t) => t.length);
