#!/usr/bin/env dkscript
// export-recordings.js — archive the recordings of answered calls of a date range.
//
// Reads the answered calls (ActivitiesCall) of the range and saves each call's recording
// as <out>/<date>/<queue>/<call id>.<ext>, several at once, with a manifest CSV (call,
// time, agent, queue, duration, file, bytes, sha256). Each download is streamed to disk
// and renamed only once complete, so a file that is there is whole: a second run skips
// what the first saved and fetches only what is missing (a run cut short is simply run
// again). Progress goes to stderr. Under dkscript's --dry-run it lists what it would
// fetch and downloads nothing.
//
// Arguments:
//   --from DATE        first day, YYYY-MM-DD (in the instance's time zone)
//   --to DATE          last day (default: the --from day)
//   --range NAME       instead of --from/--to: today, yesterday, last7days, lastMonth, ...
//                      (default: yesterday)
//   --out DIR          where the recordings go (default: recordings)
//   --queue N          only calls of this queue
//   --concurrency N    downloads at once (default 4, at most 16)
//   --manifest FILE    the manifest CSV (default: <out>/manifest.csv)
//   --ext EXT          the files' extension (default: wav; a recording the server sends in
//                      another format is saved with that format's extension instead)
//   --help             print this help
//
// Example:
//   dkscript run --mock scripts/export-recordings.js --from 2026-01-13 --to 2026-01-14 --out calls
//   dkscript run --dry-run scripts/export-recordings.js --range lastMonth --queue 3000
//
// Exit codes: 0 every recording saved (or already there), 1 some failed (they are listed;
// run again to fetch them), 2 bad arguments.

const csv = require("csv");
const dates = require("dates");
const fs = require("fs");
const path = require("path");
const { parseArgs } = require("util");

const USAGE =
  "usage: export-recordings.js [--from DATE [--to DATE] | --range NAME] [--out DIR] [--queue N]\n" +
  "         [--concurrency N] [--manifest FILE] [--ext EXT]";

let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      from: { type: "string" }, to: { type: "string" }, range: { type: "string" }, out: { type: "string" },
      queue: { type: "string" }, concurrency: { type: "string" }, manifest: { type: "string" },
      ext: { type: "string" }, help: { type: "boolean" },
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
const ext = (args.ext ?? "wav").replace(/^\./, "");
if (!/^[A-Za-z0-9]{1,8}$/.test(ext)) usage(`--ext must be a file extension such as wav or mp3, got "${args.ext}"`);
let range;
try {
  if (args.range && (args.from || args.to)) usage("give either --range or --from/--to, not both");
  if (args.from) range = dates.range(args.from, args.to ?? args.from);
  else if (args.to) usage("--to needs --from");
  else range = dates.range(args.range ?? "yesterday");
} catch (e) {
  usage(e.message);
}
const outDir = args.out ?? "recordings";
const manifestPath = args.manifest ?? path.join(outDir, "manifest.csv");

// The answered calls of the range, oldest first.
const client = daktela.client();
const req = daktela
  .buildReadRequest("ActivitiesCall")
  .setFields(["id_call", "call_time", "id_queue", "id_agent", "duration", "answered", "activities"])
  .addFilter("answered", "eq", "1")
  .addFilter("call_time", "gte", range.from)
  .addFilter("call_time", "lte", range.to)
  .addSort("call_time", "asc")
  .addSort("id_call", "asc");
if (args.queue) req.addFilter("id_queue", "eq", args.queue);

const calls = [];
for (const c of client.iterate(req)) {
  const activity = c.activities && c.activities[0];
  if (!activity) continue; // a call without its activity has no recording URL
  const queue = nameOf(c.id_queue) || "no-queue";
  const day = String(c.call_time).slice(0, 10);
  calls.push({
    call: c.id_call,
    time: c.call_time,
    agent: nameOf(c.id_agent),
    queue,
    duration: c.duration,
    activity: typeof activity === "string" ? activity : activity.name,
    file: path.join(outDir, day, safe(queue), safe(c.id_call) + "." + ext),
  });
}
console.error(`${calls.length} answered calls ${range.from} … ${range.to}${args.queue ? " in queue " + args.queue : ""}.`);

if (client.isDryRun()) {
  for (const c of calls) console.log(`would fetch ${c.call} (${c.time}, queue ${c.queue}, ${c.duration} s) → ${c.file}`);
  console.log(`Dry run: ${calls.length} recordings would be fetched into ${outDir}; nothing was downloaded.`);
  process.exit(0);
}

const EXTENSIONS = { "audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav", "audio/mpeg": "mp3", "audio/mp3": "mp3", "audio/ogg": "ogg", "audio/opus": "opus" };

async function fetchOne(c) {
  fs.mkdirSync(path.dirname(c.file), { recursive: true });
  const d = await client.downloadRecordingAsync(c.activity, c.file, { skipExisting: true });
  const type = d.contentType.split(";")[0].trim().toLowerCase();
  const real = EXTENSIONS[type];
  if (real && real !== ext) {
    // The server sent another format: name the file for it.
    const renamed = c.file.slice(0, -ext.length) + real;
    fs.renameSync(c.file, renamed);
    d.path = renamed;
  }
  return d;
}

async function main() {
  const rows = [];
  const failed = [];
  let next = 0, done = 0, skipped = 0, bytes = 0;
  async function worker() {
    while (next < calls.length) {
      const c = calls[next++];
      try {
        const d = await fetchOne(c);
        rows.push({ c, d });
        if (d.skipped) skipped++;
        else bytes += d.bytes;
      } catch (e) {
        failed.push({ c, e });
      }
      done++;
      if (done % 10 === 0 || done === calls.length) {
        console.error(`  ${done}/${calls.length} (${skipped} already there, ${(bytes / 1048576).toFixed(1)} MiB fetched, ${failed.length} failed)`);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, calls.length) }, worker));

  // The manifest lists every recording on disk, in the calls' order.
  rows.sort((a, b) => calls.indexOf(a.c) - calls.indexOf(b.c));
  fs.mkdirSync(path.dirname(manifestPath) || ".", { recursive: true });
  const w = csv.writer(manifestPath, { columns: ["call", "time", "agent", "queue", "duration", "file", "bytes", "sha256"], escapeFormulas: true });
  try {
    for (const { c, d } of rows) w.write([c.call, c.time, c.agent, c.queue, c.duration, d.path, d.bytes, d.sha256]);
  } finally {
    w.close();
  }
  console.log(`Saved ${rows.length - skipped} recordings, ${skipped} already there; manifest: ${manifestPath}.`);
  if (failed.length > 0) {
    for (const { c, e } of failed) console.log(`  failed: ${c.call} (${c.time}): ${e.message}`);
    console.log(`${failed.length} failed: run again to fetch them.`);
    process.exitCode = 1;
  }
}
main();

// nameOf returns a related record's name (the API expands it), or the value itself.
function nameOf(v) {
  if (v == null) return "";
  return typeof v === "object" ? String(v.name ?? "") : String(v);
}

// safe keeps a name usable as one file or folder name.
function safe(s) {
  return String(s).replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
}

function usage(msg) {
  console.error(`export-recordings: ${msg}\n${USAGE}`);
  process.exit(2);
}
