#!/usr/bin/env dkscript
// close-stale-tickets.js — close tickets that have waited too long.
//
// Finds the tickets in a stage (WAIT unless --stage says otherwise) with no activity for
// more than --days days (their last_activity, or when they have none, their last edit),
// adds a comment to each saying why it is being closed, and moves it to CLOSE. Prints
// one line per ticket and a summary. Run it with dkscript's --dry-run first: the comments
// and updates are shown, not sent.
//
// Arguments:
//   --stage S       the stage of the tickets to close: OPEN or WAIT (default WAIT)
//   --days N        close tickets with no activity for more than N days (default 30)
//   --comment TEXT  the comment added before closing (default says why)
//   --limit N       close at most N tickets in this run (oldest first)
//   --help          print this help
//
// Example:
//   dkscript run --mock --dry-run scripts/close-stale-tickets.js --stage WAIT --days 14
//   dkscript run --profile prod scripts/close-stale-tickets.js --days 60 --limit 100
//
// Exit codes: 0 done (also when nothing was stale), 1 some tickets could not be closed,
// 2 bad arguments.

const dates = require("dates");
const { parseArgs } = require("util");

const USAGE = "usage: close-stale-tickets.js [--stage OPEN|WAIT] [--days N] [--comment TEXT] [--limit N]";
let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      stage: { type: "string" }, days: { type: "string" }, comment: { type: "string" },
      limit: { type: "string" }, help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
for (const name of ["days", "limit"]) {
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
const stage = (args.stage ?? "WAIT").toUpperCase();
if (stage !== "OPEN" && stage !== "WAIT") usage(`--stage must be OPEN or WAIT, got "${args.stage}"`);
const days = args.days ?? 30;
if (days < 1) usage("--days must be 1 or more");
if (args.limit !== undefined && args.limit < 1) usage("--limit must be 1 or more");
const comment = args.comment ?? `Closed automatically: no activity for more than ${days} days.`;

const client = daktela.client();
const now = dates.now();
const cutoff = dates.format(dates.addDays(now, -days));

// Closing a ticket takes it out of the filter while the loop pages through it: the
// iterator sees that the script writes to Tickets and continues after the last ticket it
// gave instead of at an offset, so none is skipped or seen twice.
const req = daktela
  .buildReadRequest("Tickets")
  .setFields(["name", "title", "stage", "user", "last_activity", "edited"])
  .addFilter("stage", "eq", stage)
  .addFilterFromArray([
    {
      logic: "or",
      filters: [
        { field: "last_activity", operator: "lt", value: cutoff },
        { logic: "and", filters: [{ field: "last_activity", operator: "isnull" }, { field: "edited", operator: "lt", value: cutoff }] },
      ],
    },
  ])
  .addSort("last_activity", "asc")
  .addSort("name", "asc");
const stale = client.iterate(req, { maxItems: args.limit ?? 0 });
const count = stale.count(); // one request: the server's total

const limited = args.limit !== undefined && count === args.limit ? ` (the oldest ${args.limit}: --limit)` : "";
console.log(`${count} ${stage} ${count === 1 ? "ticket has" : "tickets have"} had no activity since ${cutoff}${limited}.`);
let closed = 0;
let failed = 0;
let dryRun = false;
for (const t of stale) {
  const last = t.last_activity ?? t.edited;
  const idle = Math.floor((now.getTime() - dates.parse(last).getTime()) / 86400000);
  const who = t.user ? t.user.title : "nobody";
  const label = `#${t.name} ${t.title} (${who}, last activity ${last.slice(0, 10)}, ${idle} days)`;
  try {
    // Both requests are built before either is sent, so a mistake in them leaves the
    // ticket untouched; the comment goes first, as an agent would write it.
    const addComment = daktela
      .buildCreateRequest("Activities")
      .addAttributes({ ticket: t.name, type: "", title: "Closed as stale", description: comment, action: "CLOSE" });
    const close = daktela.buildUpdateRequest("Tickets").setObjectName(t.name).addStringAttribute("stage", "CLOSE");
    const note = client.execute(addComment);
    client.execute(close);
    dryRun = dryRun || note.dryRun;
    closed++;
    console.log(`  ${label}: ${note.dryRun ? "would comment and close" : "commented and closed"}`);
  } catch (e) {
    failed++;
    console.log(`  ${label}: FAILED: ${e.message}`);
  }
}
const verb = dryRun ? "Would close" : "Closed";
console.log(`${verb} ${closed} of ${count}` + (failed > 0 ? `; ${failed} failed.` : "."));
if (failed > 0) process.exitCode = 1;

function usage(msg) {
  console.error(`close-stale-tickets: ${msg}\n${USAGE}`);
  process.exit(2);
}
