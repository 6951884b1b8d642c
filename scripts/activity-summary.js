#!/usr/bin/env dkscript
// activity-summary.js — a daily summary of activities per queue and per agent.
//
// Reads the activities of a day (yesterday unless told otherwise) or of a range of days
// and prints two tables: per queue and per agent, with counts by type (calls, e-mails,
// other), answered calls, talk time and average wait. A range of several days adds a
// table per day. The same numbers (durations in seconds) are written as JSON, for a
// dashboard or a mail.
//
// Arguments:
//   --date DATE    the day to summarise, YYYY-MM-DD (default: yesterday)
//   --from DATE    first day of a range (with --to; both inclusive)
//   --to DATE      last day of a range
//   --range NAME   instead: yesterday, last7days, lastWeek, lastMonth, ...
//   --out FILE     where to write the JSON (default: activity-summary-FROM[_TO].json;
//                  "-" prints it on stdout instead of the tables)
//   --help         print this help
//
// Example:
//   dkscript run --mock scripts/activity-summary.js --date 2026-01-14
//   dkscript run --profile prod scripts/activity-summary.js --range lastWeek --out week.json
//
// Exit codes: 0 done (also for a day without activities), 1 the API failed, 2 bad
// arguments.

const dates = require("dates");
const fs = require("fs");
const { parseArgs } = require("util");

const USAGE = "usage: activity-summary.js [--date DATE | --from DATE --to DATE | --range NAME] [--out FILE|-]";
let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      date: { type: "string" }, from: { type: "string" }, to: { type: "string" }, range: { type: "string" },
      out: { type: "string" }, help: { type: "boolean" },
    },
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
if ([args.date, args.from || args.to, args.range].filter(Boolean).length > 1) {
  usage("give one of --date, --from/--to and --range");
}
if (Boolean(args.from) !== Boolean(args.to)) usage("--from and --to go together");

let range;
try {
  if (args.date) range = dates.range(args.date, args.date);
  else if (args.from) range = dates.range(args.from, args.to);
  else range = dates.range(args.range ?? "yesterday");
} catch (e) {
  usage(e.message);
}
const firstDay = range.from.slice(0, 10);
const lastDay = range.to.slice(0, 10);
const out = args.out ?? `activity-summary-${firstDay}${lastDay === firstDay ? "" : "_" + lastDay}.json`;

// One pass over the activities, adding each to its queue, its agent and its day.
const byQueue = new Map();
const queueIds = new Map(); // table label → {queue, title} for the JSON
const byAgent = new Map();
const byDay = new Map();
const total = newTally();
const req = daktela
  .buildReadRequest("Activities")
  .setFields(["type", "queue", "user", "time", "duration", "item"])
  .addFilter("time", "gte", range.from)
  .addFilter("time", "lte", range.to)
  .addSort("time", "asc");
for (const a of daktela.client().iterate(req, { pageSize: 1000 })) {
  const q = a.queue && a.queue.name != null ? `${a.queue.name} ${a.queue.title}` : "(no queue)";
  if (!queueIds.has(q)) queueIds.set(q, { queue: a.queue?.name ?? null, title: a.queue?.title ?? null });
  const u = a.user ? a.user.name : "(nobody)";
  const d = String(a.time).slice(0, 10);
  /** @type {Array<[Map<string, any>, string]>} */
  const tallies = [[byQueue, q], [byAgent, u], [byDay, d]];
  for (const [map, key] of tallies) {
    if (!map.has(key)) map.set(key, newTally());
    add(map.get(key), a);
  }
  add(total, a);
}

const summary = {
  from: range.from,
  to: range.to,
  total: total,
  queues: rows(byQueue, (k) => queueIds.get(k)),
  agents: rows(byAgent, (k) => ({ agent: k })),
  days: rows(byDay, (k) => ({ date: k })),
};
if (out === "-") {
  console.log(JSON.stringify(summary, null, 2));
} else {
  console.log(`Activities from ${range.from} to ${range.to}: ${total.activities}`);
  if (total.activities > 0) {
    console.log("\nPer queue");
    console.table(table(byQueue));
    console.log("\nPer agent");
    console.table(table(byAgent));
    if (byDay.size > 1) {
      console.log("\nPer day");
      console.table(table(byDay));
    }
  }
  fs.writeFileSync(out, JSON.stringify(summary, null, 2) + "\n");
  console.log(`\nWrote ${out}`);
}

function newTally() {
  return { activities: 0, calls: 0, answered: 0, emails: 0, other: 0, talkSeconds: 0, waitSeconds: 0 };
}

// add counts activity a into tally t. Calls add their duration (talk time) and the
// seconds the caller waited: the call record's waiting_time (activities.time_wait is a
// datetime, not a duration).
function add(t, a) {
  t.activities++;
  if (a.type === "CALL") {
    t.calls++;
    if (a.item && a.item.answered) t.answered++;
    t.talkSeconds += a.duration ?? 0;
    t.waitSeconds += (a.item && typeof a.item === "object" ? a.item.waiting_time : 0) ?? 0;
  } else if (a.type === "EMAIL") {
    t.emails++;
  } else {
    t.other++;
  }
}

// rows turns a tally map into sorted JSON rows, each starting with the fields id(key)
// gives, with averages.
function rows(map, id) {
  return [...map.keys()].sort().map((k) => {
    const t = map.get(k);
    return { ...id(k), ...t, avgCallSeconds: avg(t.talkSeconds, t.calls), avgWaitSeconds: avg(t.waitSeconds, t.calls) };
  });
}

// table is what console.table shows for a tally map: durations as h:mm:ss.
function table(map) {
  const o = {};
  for (const k of [...map.keys()].sort()) {
    const t = map.get(k);
    o[k] = {
      total: t.activities,
      calls: t.calls,
      answered: t.answered,
      emails: t.emails,
      other: t.other,
      talk: hms(t.talkSeconds),
      "avg call": hms(avg(t.talkSeconds, t.calls)),
      "avg wait": hms(avg(t.waitSeconds, t.calls)),
    };
  }
  return o;
}

function avg(sum, n) {
  return n === 0 ? 0 : Math.round(sum / n);
}

function hms(s) {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

function usage(msg) {
  console.error(`activity-summary: ${msg}\n${USAGE}`);
  process.exit(2);
}
