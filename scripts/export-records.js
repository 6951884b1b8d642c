#!/usr/bin/env dkscript
// export-records.js — export campaign records or activities of a date range to CSV.
//
// Streams the records page by page with client.iterate (memory stays flat for millions
// of rows; dkscript shows a progress bar on a terminal), keeps the columns you choose —
// nested ones too, like queue.title or customFields.email — and writes UTF-8 CSV to a
// file or to stdout. Lists (statuses, multi-valued custom fields) become one cell with
// the values separated by "; "; related records are written by their title.
//
// Arguments:
//   --model M        campaignsRecords (default) or activities
//   --from DATE      first day to export, YYYY-MM-DD (in the instance's time zone)
//   --to DATE        last day to export (default: the --from day)
//   --range NAME     instead of --from/--to: today, yesterday, last7days, thisMonth,
//                    lastMonth, ... (default: yesterday)
//   --date-field F   the date the range applies to (default: created for campaign
//                    records, time for activities)
//   --columns LIST   comma-separated columns (default: a useful set per model)
//   --queue N        only records of this queue
//   --out FILE       where to write the CSV (default: stdout)
//   --delimiter C    field separator (default ","; Excel in many locales wants ";")
//   --bom            start the file with a byte order mark, so Excel reads it as UTF-8
//   --page-size N    records per request (default 1000, the API's maximum)
//   --help           print this help
//
// Example:
//   dkscript run --mock scripts/export-records.js --from 2026-01-01 --to 2026-01-14 \
//       --columns name,number,queue.title,user.title,action,created --out records.csv
//   dkscript run scripts/export-records.js --model activities --range lastMonth > calls.csv
//
// Exit codes: 0 exported (also when nothing matched), 1 the API failed, 2 bad arguments.

const csv = require("csv");
const dates = require("dates");
const { parseArgs } = require("util");

const USAGE =
  "usage: export-records.js [--model campaignsRecords|activities] [--from DATE [--to DATE] | --range NAME]\n" +
  "         [--columns a,b.c] [--queue N] [--out FILE] [--delimiter C] [--bom] [--page-size N]";

const MODELS = {
  campaignsRecords: {
    label: "campaign records",
    dateField: "created",
    columns: ["name", "number", "record_type.title", "queue.title", "user.title", "action", "statuses",
      "nextcall", "created", "customFields.firstname", "customFields.lastname", "customFields.email"],
  },
  activities: {
    label: "activities",
    dateField: "time",
    columns: ["name", "time", "type", "title", "queue.title", "user.title", "contact.title", "ticket.name",
      "duration", "item.waiting_time", "action"],
  },
};

let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      model: { type: "string" }, from: { type: "string" }, to: { type: "string" }, range: { type: "string" },
      "date-field": { type: "string" }, columns: { type: "string" }, queue: { type: "string" },
      out: { type: "string" }, delimiter: { type: "string" }, bom: { type: "boolean" },
      "page-size": { type: "string" }, help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
for (const name of ["page-size"]) {
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

const modelName = args.model ? args.model[0].toLowerCase() + args.model.slice(1) : "campaignsRecords";
const model = MODELS[modelName];
if (!model) usage(`--model must be one of ${Object.keys(MODELS).join(", ")}, got "${args.model}"`);
const dateField = args["date-field"] ?? model.dateField;
const columns = args.columns ? args.columns.split(",").map((c) => c.trim()).filter(Boolean) : model.columns;
if (columns.length === 0) usage("--columns names no column");
const pageSize = args["page-size"] ?? 1000;
if (pageSize < 1 || pageSize > 1000) usage("--page-size must be from 1 to 1000");

// The date range, as the API's local date-times.
let range;
try {
  if (args.range && (args.from || args.to)) usage("give either --range or --from/--to, not both");
  if (args.from) range = dates.range(args.from, args.to ?? args.from);
  else if (args.to) usage("--to needs --from");
  else range = dates.range(args.range ?? "yesterday");
} catch (e) {
  usage(e.message);
}

// Ask only for the fields the columns need (their first part: "queue" for queue.title).
// Sort by name: it is unique, so paging through a large export never repeats or skips
// a record (names of records the API makes grow with their creation time, too).
const fields = [...new Set(columns.map((c) => c.split(".")[0]))];
const req = daktela
  .buildReadRequest(modelName[0].toUpperCase() + modelName.slice(1))
  .setFields(fields)
  .addFilter(dateField, "gte", range.from)
  .addFilter(dateField, "lte", range.to)
  .addSort("name", "asc");
if (args.queue) req.addFilter("queue", "eq", args.queue);

// The loop over the records is the hot path of a large export: the column paths are
// split once, and plain indexed loops are used (for...of over an array costs an
// iterator object per loop in goja, several times the work of the lookups).
const paths = columns.map((c) => c.split("."));
const out = args.out ?? "/dev/stdout";
// escapeFormulas: a record text such as "=HYPERLINK(...)" must not run as a formula when
// the file is opened in a spreadsheet; numbers and phone numbers stay as they are.
const writer = csv.writer(out, { columns, delimiter: args.delimiter ?? ",", bom: Boolean(args.bom), escapeFormulas: true });
try {
  for (const rec of daktela.client().iterate(req, { pageSize })) {
    const row = new Array(paths.length);
    for (let i = 0; i < paths.length; i++) row[i] = cell(pick(rec, paths[i]));
    writer.write(row);
  }
} finally {
  writer.close();
}
console.error(
  `Exported ${writer.count} ${model.label} (${dateField} ${range.from} … ${range.to})` +
    (args.out ? ` to ${args.out}.` : "."),
);

// pick returns the value at a path split at its dots (["queue", "title"]), or undefined.
function pick(rec, parts) {
  let v = rec;
  for (let i = 0; i < parts.length && v != null; i++) v = v[parts[i]];
  return v ?? undefined;
}

// cell turns a value into what one CSV cell shows: a related record by its title (or
// name), lists joined with "; ", other objects as JSON.
function cell(v) {
  if (v == null) return "";
  if (Array.isArray(v)) return v.map(cell).join("; ");
  if (typeof v === "object") {
    if ("title" in v) return v.title ?? "";
    if ("name" in v) return String(v.name);
    return JSON.stringify(v);
  }
  return v;
}

function usage(msg) {
  console.error(`export-records: ${msg}\n${USAGE}`);
  process.exit(2);
}
