#!/usr/bin/env dkscript
// watch-escalations.js — a message for every ticket escalated to priority HIGH, as it happens.
//
// Watches the open tickets with client.watch and, the first time one is seen at priority
// HIGH after a change, prints a message for it (one line) or, with --url, posts it as
// JSON {"text": ...} to a chat webhook (Teams, Slack, Mattermost) with fetch, where this
// dkscript has fetch. A ticket edited again while still HIGH gives no second message in
// the same run. With --checkpoint the position is kept in a file, so a restarted watcher
// goes on where it stopped: nothing missed, nothing announced twice (a crash repeats at
// most the ticket it was handling).
//
// Arguments:
//   --every D          how often to look, a duration such as 30s or 5m (default 30s)
//   --checkpoint FILE  keep the position in FILE between runs
//   --url URL          post each message to URL instead of printing it (needs fetch)
//   --max N            stop after N messages (default: run until Ctrl-C or --timeout)
//   --help             print this help
//
// Example:
//   dkscript run --mock --live 20 scripts/watch-escalations.js --every 1s --max 3
//   dkscript run --profile prod scripts/watch-escalations.js --checkpoint escalations.json \
//     --url https://example.webhook.office.com/webhookb2/...
//
// Exit codes: 0 stopped after --max messages, 2 bad arguments, 130 Ctrl-C, 124 --timeout.

const { parseArgs } = require("util");

const USAGE = "usage: watch-escalations.js [--every D] [--checkpoint FILE] [--url URL] [--max N]";

let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      every: { type: "string" }, checkpoint: { type: "string" }, url: { type: "string" }, max: { type: "string" },
      help: { type: "boolean" },
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
const max = args.max === undefined ? Infinity : Number(args.max);
if (!(max >= 1 && (max === Infinity || Number.isInteger(max)))) usage(`--max must be a whole number of 1 or more, got "${args.max}"`);
if (args.every !== undefined && !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(args.every)) usage(`--every must be a duration such as 30s or 5m, got "${args.every}"`);
// fetch is a global of newer dkscript versions (with network access granted).
const fetchFn = /** @type {any} */ (globalThis).fetch;
if (args.url !== undefined) {
  if (!/^https?:\/\//.test(args.url)) usage(`--url must be an http(s) URL, got "${args.url}"`);
  if (typeof fetchFn !== "function") usage("--url posts with fetch, which this dkscript does not have; leave --url out to print the messages");
}

const client = daktela.client();
const open = daktela.buildReadRequest("Tickets")
  .addFilter("priority", "eq", "HIGH")
  .addFilter("stage", "in", ["OPEN", "WAIT"]);
const options = { every: args.every ?? "30s" };
if (args.checkpoint) options.checkpoint = args.checkpoint;

const announced = new Set();
let sent = 0;
for await (const t of client.watch(open, options)) {
  if (announced.has(t.name)) continue; // edited again while HIGH: announced already
  announced.add(t.name);
  const text = message(t);
  if (args.url) await post(args.url, text);
  else console.log(text);
  if (++sent >= max) break; // the checkpoint keeps this ticket as handled
}

// message is the line announcing ticket t.
function message(t) {
  const who = t.user ? `assigned to ${t.user.title}` : "unassigned";
  const category = t.category ? `, ${t.category.title}` : "";
  return `Ticket #${t.name} escalated to HIGH: "${t.title}" (${t.stage}, ${who}${category}, changed ${t.edited})`;
}

// post sends text to the webhook at url, trying three times; a message it cannot post
// is written to stderr, so it is not lost, and the watch goes on.
async function post(url, text) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetchFn(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
      if (res.ok) return;
      console.error(`posting to the webhook: HTTP ${res.status} (attempt ${attempt} of 3)`);
    } catch (e) {
      console.error(`posting to the webhook: ${e.message} (attempt ${attempt} of 3)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
  console.error(`not posted: ${text}`);
}

function usage(msg) {
  console.error(`watch-escalations.js: ${msg}\n${USAGE}`);
  process.exit(2);
}
