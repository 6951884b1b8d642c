#!/usr/bin/env dkscript
// import-records.js — bulk import of campaign records from a CSV file.
//
// 1. Reads and checks every row before sending anything: the phone number (normalised
//    with FormatHelper, e.g. "+420 601 100 200" → "00420601100200"), the campaign type,
//    the user, the e-mail, the next-call time, duplicates within the file, broken CSV.
//    Bad rows are reported with their line numbers; if there are any, nothing is
//    imported unless --skip-bad is given.
// 2. Looks up which rows are in Daktela already (same number and campaign type) and
//    skips them, so running the import again after a failure or a timeout creates only
//    what is missing — never a duplicate.
// 3. Prints its plan, then creates the records, --concurrency at a time.
// 4. Writes a results CSV: for every row its line, number, status (created, exists,
//    invalid, failed, dry-run) and the record's name or the error.
//
// With dkscript's --dry-run the plan and every create are shown (DRY-RUN lines on
// stderr) and nothing is sent.
//
// The CSV (UTF-8, a header row; Excel's byte order mark is fine) has these columns:
//   number     required; the phone number to call
//   type       the campaign type, by title ("Winter promo") or name; required unless
//              --type is given
//   firstname, lastname, email, note   optional; stored as the record's custom fields
//   user       optional; the login of the agent the record is assigned to
//   nextcall   optional; when to call, "YYYY-MM-DD HH:MM" in the instance's time zone
// See scripts/examples/records.csv.
//
// Arguments:
//   FILE              the CSV to import
//   --type T          campaign type for rows with an empty type column
//   --skip-bad        import the good rows even when some are bad
//   --concurrency N   creates in flight at once (default 4, at most 20)
//   --results FILE    where to write the results (default: FILE's name + "-results.csv",
//                     in the current directory)
//   --delimiter C     the CSV's field separator (default ",")
//   --encoding E      the file's encoding when it is not UTF-8, e.g. windows-1250 (what
//                     Excel saves here as "CSV") or utf-16
//   --help            print this help
//
// Example:
//   dkscript run --mock --dry-run scripts/import-records.js scripts/examples/records.csv
//   dkscript run --profile prod scripts/import-records.js leads.csv --type "Winter promo"
//
// Exit codes: 0 every row imported or already there, 1 bad rows (nothing imported) or
// some creates failed, 2 bad arguments or an unreadable file.

const csv = require("csv");
const dates = require("dates");
const path = require("path");
const { parseArgs } = require("util");

const USAGE =
  "usage: import-records.js FILE.csv [--type T] [--skip-bad] [--concurrency N] [--results FILE] [--delimiter C]\n" +
  "         [--encoding E]";
const COLUMNS = ["number", "type", "firstname", "lastname", "email", "note", "user", "nextcall"];
const CUSTOM_FIELDS = ["firstname", "lastname", "email", "note"];

let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      type: { type: "string" }, "skip-bad": { type: "boolean" }, concurrency: { type: "string" },
      results: { type: "string" }, delimiter: { type: "string" }, encoding: { type: "string" },
      help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
for (const name of ["concurrency"]) {
  const v = args[name];
  if (v === undefined) continue;
  if (v.trim() === "" || !Number.isInteger(Number(v))) usage(`--${name} must be a whole number, got "${v}"`);
  args[name] = Number(v);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) usage(positionals.length === 0 ? "missing the CSV file to import" : "give one CSV file");
const file = positionals[0];
const concurrency = args.concurrency ?? 4;
if (concurrency < 1 || concurrency > 20) usage("--concurrency must be from 1 to 20");
const resultsFile = args.results ?? path.basename(file, path.extname(file)) + "-results.csv";

// Open the file before asking Daktela anything: a wrong path fails at once.
let reader;
try {
  reader = csv.reader(file, { errors: "yield", delimiter: args.delimiter ?? ",", trim: true, encoding: args.encoding });
} catch (e) {
  fail(e.message);
}

const client = daktela.client();

// What rows may refer to: campaign types (by title or name) and user logins.
const types = new Map();
for (const t of client.iterate(daktela.buildReadRequest("CampaignsTypes").setFields(["name", "title"]))) {
  types.set(String(t.name).toLowerCase(), t);
  types.set(String(t.title).toLowerCase(), t);
}
const logins = new Set(
  client.iterate(daktela.buildReadRequest("Users").setFields(["name"])).map((u) => u.name).toArray(),
);

// 1. Check every row.
const rows = []; // {line, number, type, attrs} of good rows
const bad = []; // {line, number, error}
const seen = new Map(); // number + type → line
let headerChecked = false;
for (const { line, record, error } of reader) {
  if (error) {
    bad.push({ line, number: "", error });
    continue;
  }
  if (!headerChecked) {
    checkHeader(Object.keys(record));
    headerChecked = true;
  }
  const problems = [];
  const number = normalisePhone(record.number, problems);
  const typeText = record.type || args.type || "";
  const type = types.get(typeText.toLowerCase());
  if (!typeText) problems.push("type is empty (fill the column or give --type)");
  else if (!type) problems.push(`type "${typeText}" is not a campaign type`);
  if (record.user && !logins.has(record.user)) problems.push(`user "${record.user}" does not exist`);
  if (record.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(record.email)) {
    problems.push(`email "${record.email}" is not an e-mail address`);
  }
  let nextcall = null;
  if (record.nextcall) {
    try {
      nextcall = dates.format(dates.parse(record.nextcall));
    } catch (e) {
      problems.push(`nextcall "${record.nextcall}" is not a date and time (YYYY-MM-DD HH:MM)`);
    }
  }
  if (number && type) {
    const key = number + "\u0000" + type.name;
    if (seen.has(key)) problems.push(`duplicate of line ${seen.get(key)} (same number and type)`);
    else seen.set(key, line);
  }
  if (problems.length > 0) {
    bad.push({ line, number: record.number ?? "", error: problems.join("; ") });
    continue;
  }
  const customFields = {};
  for (const k of CUSTOM_FIELDS) if (record[k]) customFields[k] = [record[k]];
  const attrs = { record_type: type.name, number, customFields };
  if (record.user) attrs.user = record.user;
  if (nextcall) attrs.nextcall = nextcall;
  rows.push({ line, number, type: type.title, attrs });
}
if (!headerChecked && bad.length === 0) fail(`${file} has no rows to import`);

if (bad.length > 0) {
  console.log(`${file}: ${bad.length} bad ${plural(bad.length, "row")}:`);
  for (const b of bad) console.log(`  line ${b.line}: ${b.error}`);
  if (bad.some((b) => b.error.includes("UTF-8")) && !args.encoding) {
    console.log("The file may not be UTF-8: give its encoding, e.g. --encoding windows-1250.");
  }
  if (!args["skip-bad"]) {
    const others = rows.length > 0 ? `, or run with --skip-bad to import the other ${rows.length}` : "";
    console.log(`Nothing was imported. Fix the ${plural(bad.length, "row")}${others}.`);
    process.exit(1);
  }
}

// 2. Which rows are in Daktela already? Look their numbers up, 50 at a time.
const existing = new Map(); // number + type name → record name
for (let i = 0; i < rows.length; i += 50) {
  const numbers = [...new Set(rows.slice(i, i + 50).map((r) => r.number))];
  const req = daktela
    .buildReadRequest("CampaignsRecords")
    .setFields(["name", "number", "record_type"])
    .addFilter("number", "in", numbers);
  for (const rec of client.iterate(req)) {
    existing.set(rec.number + "\u0000" + (rec.record_type?.name ?? ""), rec.name);
  }
}
/** @type {{line: number, number: string, type?: string, status: string, name?: string, error?: string}[]} */
const results = bad.map((b) => ({ line: b.line, number: b.number, status: "invalid", error: b.error }));
const todo = [];
for (const r of rows) {
  const name = existing.get(r.number + "\u0000" + r.attrs.record_type);
  if (name) results.push({ line: r.line, number: r.number, type: r.type, status: "exists", name });
  else todo.push(r);
}

// 3. The plan, then the creates.
console.log(
  `Plan: create ${todo.length} ${plural(todo.length, "record")}, ` +
    `skip ${rows.length - todo.length} already in Daktela` +
    (bad.length > 0 ? `, skip ${bad.length} bad` : "") +
    ` (${rows.length + bad.length} ${plural(rows.length + bad.length, "row")} in ${file}).`,
);
let created = 0;
let failed = 0;
const dryRun = client.isDryRun();
// In dry-run mode the creates go one by one, so the DRY-RUN lines come out in the file's
// order.
await pool(todo, dryRun ? 1 : concurrency, createOne);

// createOne creates the record of one row and notes the outcome in results.
async function createOne(r) {
  const req = daktela.buildCreateRequest("CampaignsRecords").addAttributes(r.attrs);
  try {
    const resp = await client.executeAsync(req);
    if (resp.dryRun) {
      results.push({ line: r.line, number: r.number, type: r.type, status: "dry-run" });
    } else {
      created++;
      results.push({ line: r.line, number: r.number, type: r.type, status: "created", name: resp.data.name });
    }
  } catch (e) {
    failed++;
    results.push({ line: r.line, number: r.number, type: r.type, status: "failed", error: e.message });
  }
}

// 4. The results, in the file's order.
results.sort((a, b) => a.line - b.line);
const w = csv.writer(resultsFile, { columns: ["line", "number", "type", "status", "name", "error"] });
try {
  w.writeAll(results);
} finally {
  w.close();
}
for (const r of results) if (r.status === "failed") console.log(`  line ${r.line}: ${r.error}`);
if (dryRun) {
  console.log(`Dry run: ${todo.length} ${plural(todo.length, "create")} shown, nothing sent. Results: ${resultsFile}`);
} else {
  console.log(
    `Created ${created}, already there ${rows.length - todo.length}, failed ${failed}` +
      (bad.length > 0 ? `, bad ${bad.length}` : "") +
      `. Results: ${resultsFile}`,
  );
}
if (failed > 0) process.exitCode = 1;

// checkHeader stops the import when the file lacks the number column or has columns
// this script does not know (a typo would otherwise lose data silently).
function checkHeader(cols) {
  const unknown = cols.filter((c) => !COLUMNS.includes(c));
  if (unknown.length > 0) fail(`${file}: unknown ${plural(unknown.length, "column")} ${unknown.join(", ")} (known: ${COLUMNS.join(", ")})`);
  if (!cols.includes("number")) fail(`${file}: the header has no number column`);
}

// normalisePhone returns the number as Daktela stores it, or "" with a problem noted.
function normalisePhone(raw, problems) {
  if (!raw) {
    problems.push("number is empty");
    return "";
  }
  const n = daktela.FormatHelper.getNormalizedPhoneNumber(raw);
  if (!/^00\d{9,15}$/.test(n)) {
    problems.push(`number "${raw}" is not a phone number`);
    return "";
  }
  return n;
}

// pool runs fn over items with at most n calls in flight.
async function pool(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

function plural(n, word) {
  return n === 1 ? word : word + "s";
}

function fail(msg) {
  console.error(`import-records: ${msg}`);
  process.exit(2);
}

function usage(msg) {
  console.error(`import-records: ${msg}\n${USAGE}`);
  process.exit(2);
}
