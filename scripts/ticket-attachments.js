#!/usr/bin/env dkscript
// ticket-attachments.js — save the attachments of tickets into one folder per ticket.
//
// Finds the tickets you select, reads each one's activities (e-mails, comments, chats,
// ...) and saves every attachment they carry as <out>/<ticket>/<file id>-<file name>,
// several at once. A download is streamed to disk and renamed only once complete, so a
// second run skips what is already there. Under dkscript's --dry-run it lists what it
// would save and downloads nothing.
//
// Arguments:
//   --ticket N         this ticket (repeatable; instead of the filters below)
//   --stage S          tickets in this stage: OPEN, WAIT or CLOSE
//   --category NAME    tickets of this category (its name)
//   --from DATE        tickets created on or after this day, YYYY-MM-DD
//   --to DATE          ... and on or before this day (default: today)
//   --where F=V        any other ticket field equal to a value (repeatable)
//   --out DIR          where the folders go (default: attachments)
//   --concurrency N    downloads at once (default 4, at most 16)
//   --help             print this help
//
// Example:
//   dkscript run --mock scripts/ticket-attachments.js --stage OPEN --out files
//   dkscript run scripts/ticket-attachments.js --ticket 1003 --ticket 1011
//
// Exit codes: 0 every attachment saved (or already there), 1 some failed (they are
// listed; run again to fetch them), 2 bad arguments.

const dates = require("dates");
const fs = require("fs");
const path = require("path");
const { parseArgs } = require("util");

const USAGE =
  "usage: ticket-attachments.js [--ticket N]... [--stage S] [--category NAME] [--from DATE [--to DATE]]\n" +
  "         [--where FIELD=VALUE]... [--out DIR] [--concurrency N]";

// The download.php mapper of each kind of activity.
const MAPPERS = { EMAIL: "activitiesEmail", "": "activitiesComment", COMMENT: "activitiesComment", CHAT: "activitiesWeb",
  WEB: "activitiesWeb", FBM: "activitiesFbm", WAP: "activitiesWap", VBR: "activitiesVbr" };

let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      ticket: { type: "string", multiple: true }, stage: { type: "string" }, category: { type: "string" },
      from: { type: "string" }, to: { type: "string" }, where: { type: "string", multiple: true },
      out: { type: "string" }, concurrency: { type: "string" }, help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length > 0) usage(`unexpected argument "${positionals[0]}"`);
const concurrency = args.concurrency === undefined ? 4 : Number(args.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
  usage(`--concurrency must be a whole number from 1 to 16, got "${args.concurrency}"`);
}
if (args.stage && !["OPEN", "WAIT", "CLOSE"].includes(args.stage.toUpperCase())) {
  usage(`--stage must be OPEN, WAIT or CLOSE, got "${args.stage}"`);
}
const outDir = args.out ?? "attachments";
const client = daktela.client();

// The tickets: the ones named, or those the filters select.
let tickets;
if (args.ticket) {
  tickets = args.ticket.flatMap((t) => t.split(",")).map((t) => t.trim()).filter(Boolean);
  if (args.stage || args.category || args.from || args.to || args.where) usage("give either --ticket or filters, not both");
} else {
  const req = daktela.buildReadRequest("Tickets").setFields(["name"]).addSort("name", "asc");
  if (args.stage) req.addFilter("stage", "eq", args.stage.toUpperCase());
  if (args.category) req.addFilter("category", "eq", args.category);
  if (args.from || args.to) {
    if (!args.from) usage("--to needs --from");
    let r;
    try {
      r = dates.range(args.from, args.to ?? dates.format(dates.today()).slice(0, 10));
    } catch (e) {
      usage(e.message);
    }
    req.addFilter("created", "gte", r.from).addFilter("created", "lte", r.to);
  }
  for (const w of args.where ?? []) {
    const eq = w.indexOf("=");
    if (eq < 1) usage(`--where takes FIELD=VALUE, got "${w}"`);
    req.addFilter(w.slice(0, eq).trim(), "eq", w.slice(eq + 1));
  }
  tickets = client.iterate(req).map((t) => String(t.name)).toArray();
}

// Every attachment of every activity of the tickets.
const jobs = [];
for (const ticket of tickets) {
  const acts = client.iterate(daktela.buildReadRelationRequest("Tickets", ticket, "activities")
    .setFields(["name", "type", "attachments"]));
  for (const a of acts) {
    for (const att of a.attachments ?? []) {
      if (att == null || typeof att !== "object" || att.file == null) continue;
      const mapper = MAPPERS[String(a.type ?? "").toUpperCase()];
      if (!mapper) {
        console.error(`  ticket ${ticket}: activity ${a.name} of type ${a.type}: no known mapper, skipped`);
        continue;
      }
      jobs.push({ ticket, activity: a.name, mapper, att, file: path.join(outDir, safe(ticket), `${att.file}-${safe(att.title || "file")}`) });
    }
  }
}
console.error(`${tickets.length} tickets, ${jobs.length} attachments.`);

if (client.isDryRun()) {
  for (const j of jobs) console.log(`would save ${j.att.title} (${j.att.size} bytes, ${j.att.type}) of ticket ${j.ticket} → ${j.file}`);
  console.log(`Dry run: ${jobs.length} attachments of ${tickets.length} tickets would be saved into ${outDir}; nothing was downloaded.`);
  process.exit(0);
}

async function main() {
  let next = 0, saved = 0, skipped = 0;
  const failed = [];
  async function worker() {
    while (next < jobs.length) {
      const j = jobs[next++];
      try {
        fs.mkdirSync(path.dirname(j.file), { recursive: true });
        const d = await client.downloadFileAsync(j.att, j.file, { mapper: j.mapper, skipExisting: true });
        if (d.skipped) skipped++;
        else saved++;
      } catch (e) {
        failed.push({ j, e });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  console.log(`Saved ${saved} attachments, ${skipped} already there, into ${outDir}.`);
  if (failed.length > 0) {
    for (const { j, e } of failed) console.log(`  failed: ticket ${j.ticket}, ${j.att.title}: ${e.message}`);
    console.log(`${failed.length} failed: run again to fetch them.`);
    process.exitCode = 1;
  }
}
main();

// safe keeps a name usable as one file or folder name.
function safe(s) {
  return String(s).replace(/[\/\\:*?"<>|\x00-\x1f]/g, "_").replace(/^\.+/, "_");
}

function usage(msg) {
  console.error(`ticket-attachments: ${msg}\n${USAGE}`);
  process.exit(2);
}
