#!/usr/bin/env dkscript
// users-report.js — who is who in the contact centre, and which queues each user works in.
//
// Prints every user (login, name, type, extension, state, profile) as a table, with the
// queues they handled activities in during the last --days days of activity (counted
// back from the newest activity, so a quiet weekend does not empty the report). With
// --out it also writes one CSV row per user and queue, ready for a spreadsheet or HR
// system: login, title, email, type, deactivated, queue, queue_title, activities.
//
// Arguments:
//   --days N       how many days of activities decide a user's queues (default 30)
//   --out FILE     also write the users with their queues to FILE (CSV, UTF-8)
//   --help         print this help
//
// Example:
//   dkscript run --mock scripts/users-report.js
//   dkscript run --profile prod scripts/users-report.js --days 7 --out users-queues.csv
//
// Exit codes: 0 done, 1 the API failed, 2 bad arguments.

const csv = require("csv");
const dates = require("dates");
const { parseArgs } = require("util");

const USAGE = "usage: users-report.js [--days N] [--out FILE]";
let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      days: { type: "string" }, out: { type: "string" }, help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
for (const name of ["days"]) {
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
const days = args.days ?? 30;
if (days < 1) usage("--days must be 1 or more");

const client = daktela.client();

// 1. Users, sorted by login.
const users = client
  .iterate(daktela.buildReadRequest("Users").addSort("name", "asc"))
  .map((u) => ({
    login: u.name,
    title: u.title,
    email: u.email ?? "",
    type: u.type,
    extension: u.extension ?? "",
    state: u.extension_state ?? "",
    profile: u.profile?.title ?? "",
    deactivated: Boolean(u.deactivated),
  }))
  .toArray();

// 2. The activity window: the --days days up to the newest activity.
const newest = client
  .execute(daktela.buildReadRequest("Activities").setFields(["time"]).addSort("time", "desc").setTake(1))
  .data[0];
const queuesOf = new Map(); // login → Map(queue name → {title, activities})
let window = null;
if (newest && newest.time) {
  const to = dates.endOfDay(dates.parse(newest.time));
  const from = dates.startOfDay(dates.addDays(to, 1 - days));
  window = { from: dates.format(from), to: dates.format(to) };
  const req = daktela
    .buildReadRequest("Activities")
    .setFields(["user", "queue"])
    .addFilter("time", "gte", window.from)
    .addFilter("time", "lte", window.to);
  for (const a of client.iterate(req, { pageSize: 1000 })) {
    if (!a.user || !a.queue || a.queue.name == null) continue; // comments have no queue
    let qs = queuesOf.get(a.user.name);
    if (!qs) queuesOf.set(a.user.name, (qs = new Map()));
    const q = qs.get(a.queue.name) ?? { title: a.queue.title, activities: 0 };
    q.activities++;
    qs.set(a.queue.name, q);
  }
}

// 3. The table: one row per user, keyed by login.
const table = {};
for (const u of users) {
  const qs = [...(queuesOf.get(u.login) ?? new Map()).keys()].sort((a, b) => String(a).localeCompare(String(b)));
  table[u.login] = {
    name: u.title,
    type: u.type + (u.deactivated ? " (off)" : ""),
    ext: u.extension,
    state: u.state,
    profile: u.profile,
    activities: [...(queuesOf.get(u.login) ?? new Map()).values()].reduce((n, q) => n + q.activities, 0),
    queues: qs.join(" "),
  };
}
console.log(`Users (${users.length})`);
console.table(table);
if (window) {
  console.log(`Queues: where each user handled activities from ${window.from} to ${window.to}.`);
} else {
  console.log("Queues: there are no activities yet.");
}

// 4. The export: one row per user and queue (a user without queues gets one empty row).
if (args.out) {
  const w = csv.writer(args.out, {
    columns: ["login", "title", "email", "type", "deactivated", "queue", "queue_title", "activities"],
    escapeFormulas: true, // a title such as "=cmd|..." stays text in a spreadsheet
  });
  try {
    for (const u of users) {
      const qs = queuesOf.get(u.login);
      const base = { login: u.login, title: u.title, email: u.email, type: u.type, deactivated: u.deactivated };
      if (!qs || qs.size === 0) {
        w.write({ ...base, activities: 0 });
        continue;
      }
      for (const [name, q] of [...qs].sort((a, b) => String(a[0]).localeCompare(String(b[0])))) {
        w.write({ ...base, queue: name, queue_title: q.title, activities: q.activities });
      }
    }
  } finally {
    w.close();
  }
  console.log(`Wrote ${w.count} rows to ${args.out}.`);
}

function usage(msg) {
  console.error(`users-report: ${msg}\n${USAGE}`);
  process.exit(2);
}
