#!/usr/bin/env dkscript
// merge-duplicate-contacts.js — merge contacts entered more than once.
//
// Reads all contacts, normalises the numbers in their phone custom field with
// daktela.Phone.normalize ("+420 604 148 452", "604148452" and "00420604148452" are one
// number), and groups the contacts that share a number (a contact with two numbers joins
// both its groups into one). Each group is merged into its oldest contact with
// client.merge("Contacts", [kept, ...others]): Daktela keeps that contact and moves
// what the others held to it. Prints the plan first: each group's number, the contact
// kept and those merged into it. Run it with dkscript's --dry-run to see the plan and the merges without sending
// them. Running it again finds nothing to merge.
//
// Blank numbers, and text that is no phone number, join no group.
//
// Arguments:
//   --country C   the country of numbers written without a country code, an ISO 3166
//                 region code (default CZ)
//   --field KEY   the custom field holding the numbers (default number)
//   --help        print this help
//
// Example:
//   dkscript run --mock --dry-run scripts/merge-duplicate-contacts.js
//   dkscript run --profile prod scripts/merge-duplicate-contacts.js --country SK
//
// Exit codes: 0 done (also when nothing was duplicated), 1 some merges failed, 2 bad
// arguments.

const { parseArgs } = require("util");

const USAGE = "usage: merge-duplicate-contacts.js [--country C] [--field KEY]";
let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: { country: { type: "string" }, field: { type: "string" }, help: { type: "boolean" } },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length > 0) usage(`unexpected argument "${positionals[0]}"`);
const country = args.country ?? "CZ";
try {
  daktela.Phone.normalize("", { country }); // checks the country code
} catch (e) {
  usage(`--country must be an ISO 3166 region code such as CZ, got "${country}"`);
}
const field = args.field ?? "number";

const client = daktela.client();
const req = daktela
  .buildReadRequest("Contacts")
  .setFields(["name", "title", "created", "customFields"])
  .addSort("created", "asc")
  .addSort("name", "asc");

// 1. Group the contacts by normalised number. parent is a union-find over contact
// names: contacts sharing a number end up with one root.
const contacts = new Map(); // name -> {name, title, created, numbers}
const byNumber = new Map(); // normalised number -> first contact name with it
const parent = new Map();
const root = (n) => {
  while (parent.get(n) !== n) n = parent.get(n);
  return n;
};
let checked = 0;
for (const c of client.iterate(req)) {
  checked++;
  const numbers = [];
  for (const n of c.customFields?.[field] ?? []) {
    if (typeof n !== "string" || n.trim() === "") continue;
    try {
      const v = daktela.Phone.normalize(n, { country });
      if (!numbers.includes(v)) numbers.push(v);
    } catch (e) {
      // not a phone number: it joins no group
    }
  }
  contacts.set(c.name, { name: c.name, title: c.title, created: c.created, numbers });
  parent.set(c.name, c.name);
  for (const v of numbers) {
    const other = byNumber.get(v);
    if (other === undefined) byNumber.set(v, c.name);
    else parent.set(root(c.name), root(other)); // the older contact's root stays the root
  }
}

// The contacts came oldest first, so each group lists its oldest contact first.
const groups = new Map(); // root -> [contact, ...]
for (const c of contacts.values()) {
  const r = root(c.name);
  if (!groups.has(r)) groups.set(r, []);
  groups.get(r).push(c);
}
const plan = [...groups.values()].filter((g) => g.length > 1);

const merged = plan.reduce((n, g) => n + g.length - 1, 0);
console.log(`Checked ${checked} contacts: ${plan.length} groups share a number, ${merged} contacts to merge.`);
for (const [kept, ...others] of plan) {
  const shared = kept.numbers.filter((v) => others.some((o) => o.numbers.includes(v)));
  console.log(`  ${shared.join(", ") || others[0].numbers.join(", ")}: keep ${kept.name} ${kept.title} (${kept.created})`);
  for (const o of others) console.log(`    merge ${o.name} ${o.title} (${o.created})`);
}

// 2. Merge each group, one after the other.
const dryRun = client.isDryRun();
let done = 0;
const failures = [];
for (const [kept, ...others] of plan) {
  try {
    client.merge("Contacts", [kept.name, ...others.map((o) => o.name)]);
    done++;
  } catch (e) {
    failures.push(`${kept.name} ${kept.title}: ${e.message}`);
  }
}
for (const f of failures) console.log(`  FAILED ${f}`);
if (plan.length > 0) {
  console.log(`${dryRun ? "Would merge" : "Merged"} ${done} groups` + (failures.length > 0 ? `; ${failures.length} failed.` : "."));
}
if (failures.length > 0) process.exitCode = 1;

function usage(msg) {
  console.error(`merge-duplicate-contacts: ${msg}\n${USAGE}`);
  process.exit(2);
}
