#!/usr/bin/env dkscript
// normalize-phones.js — write every contact's phone numbers the same way.
//
// Reads all contacts, normalises the numbers in their phone custom field with
// daktela.Phone.normalize, which reads them as libphonenumber does ("+420 601 037 113",
// "601037113" and "00420 601-037-113" all become "+420601037113"), drops numbers that turn
// out to be the same, and updates only the contacts whose numbers change. Blank numbers
// are skipped (left as they are); text that is no phone number is listed and left as it
// is. Lists every change first, then updates, --concurrency at a time. Run it with dkscript's --dry-run to see the
// updates without sending them. Running it twice changes nothing the second time.
//
// Arguments:
//   --format F        plus ("+420…", E.164, default) or zeros ("00420…")
//   --country C       the country of numbers written without a country code, an ISO
//                     3166 region code (default CZ)
//   --field KEY       the custom field holding the numbers (default number)
//   --limit N         look at the first N contacts only
//   --concurrency N   updates in flight at once (default 4, at most 20)
//   --help            print this help
//
// Example:
//   dkscript run --mock --dry-run scripts/normalize-phones.js
//   dkscript run --profile prod scripts/normalize-phones.js --format zeros --country SK
//
// Exit codes: 0 done, 1 some updates failed, 2 bad arguments.

const { parseArgs } = require("util");

const USAGE =
  "usage: normalize-phones.js [--format plus|zeros] [--country C] [--field KEY] [--limit N] [--concurrency N]";
let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      format: { type: "string" }, country: { type: "string" }, field: { type: "string" },
      limit: { type: "string" }, concurrency: { type: "string" }, help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
for (const name of ["limit", "concurrency"]) {
  const v = args[name];
  if (v === undefined) continue;
  if (v.trim() === "" || !Number.isInteger(Number(v))) usage(`--${name} must be a whole number, got "${v}"`);
  args[name] = Number(v);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length > 0) usage(`unexpected argument "${positionals[0]}"`);
const format = args.format ?? "plus";
if (format !== "plus" && format !== "zeros") usage(`--format must be plus or zeros, got "${format}"`);
const country = args.country ?? "CZ";
try {
  daktela.Phone.normalize("", { country }); // checks the country code
} catch (e) {
  usage(`--country must be an ISO 3166 region code such as CZ, got "${country}"`);
}
const field = args.field ?? "number";
const concurrency = args.concurrency ?? 4;
if (concurrency < 1 || concurrency > 20) usage("--concurrency must be from 1 to 20");
if (args.limit !== undefined && args.limit < 1) usage("--limit must be 1 or more");

const client = daktela.client();
const req = daktela.buildReadRequest("Contacts").setFields(["name", "title", "customFields"]).addSort("name", "asc");

// 1. Find the contacts whose numbers change.
let checked = 0;
const changes = [];
const odd = [];
for (const c of client.iterate(req, { maxItems: args.limit ?? 0 })) {
  checked++;
  const numbers = c.customFields?.[field] ?? [];
  if (!Array.isArray(numbers) || numbers.length === 0) continue;
  const normalised = [];
  for (const n of numbers) {
    if (typeof n !== "string" || n.trim() === "") {
      normalised.push(n); // blank: nothing to normalise
      continue;
    }
    let v;
    try {
      v = daktela.Phone.normalize(n, { country });
    } catch (e) {
      odd.push(`${c.name} ${c.title}: ${e.message.replace(/^Phone\.normalize: /, "")}; left as it is`);
      normalised.push(n);
      continue;
    }
    if (format === "zeros") v = "00" + v.slice(1);
    if (!normalised.includes(v)) normalised.push(v);
  }
  if (normalised.join("\n") !== numbers.join("\n")) changes.push({ contact: c, before: numbers, after: normalised });
}

console.log(`Checked ${checked} contacts: ${changes.length} to update, ${checked - changes.length} unchanged.`);
for (const ch of changes) {
  console.log(`  ${ch.contact.name} ${ch.contact.title}: ${ch.before.join(", ")} → ${ch.after.join(", ")}`);
}
for (const line of odd) console.log(`  ${line}`);

// 2. Update them.
let updated = 0;
const dryRun = client.isDryRun();
const failures = [];
// In dry-run mode the updates go one by one, so the DRY-RUN lines come out in the order
// listed above.
await pool(changes, dryRun ? 1 : concurrency, update);
for (const f of failures.sort()) console.log(`  FAILED ${f}`);
if (changes.length > 0) {
  console.log(`${dryRun ? "Would update" : "Updated"} ${updated}` + (failures.length > 0 ? `; ${failures.length} failed.` : "."));
}
if (failures.length > 0) process.exitCode = 1;

// update sends one contact's new numbers.
async function update(ch) {
  const upd = daktela
    .buildUpdateRequest("Contacts")
    .setObjectName(ch.contact.name)
    .addAttribute("customFields", { [field]: ch.after });
  try {
    await client.executeAsync(upd);
    updated++;
  } catch (e) {
    failures.push(`${ch.contact.name} ${ch.contact.title}: ${e.message}`);
  }
}

// pool runs fn over items with at most n calls in flight.
async function pool(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

function usage(msg) {
  console.error(`normalize-phones: ${msg}\n${USAGE}`);
  process.exit(2);
}
