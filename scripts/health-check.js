#!/usr/bin/env dkscript
// health-check.js — is Daktela up, fast, and does it accept our token? For monitoring.
//
// Prints exactly one line and exits with the Nagios/Icinga plugin codes, so it drops
// into Nagios, Icinga, Zabbix, a Kubernetes probe or a cron mail as it is:
//   0 OK        the API answered, quickly, and an authenticated read worked
//   1 WARNING   it worked but took longer than --warn-ms
//   2 CRITICAL  no answer, an error status, the token was rejected, or slower than --crit-ms
//   3 UNKNOWN   bad arguments
// The line ends with performance data (" | latency=12.3ms;1000;5000") for graphs.
//
// Two requests are made, each without retries: the API's health check (whoim) for the
// latency, and a one-record read of the queues to prove the token works.
//
// Arguments:
//   --warn-ms N    latency above which the check warns (default 1000)
//   --crit-ms N    latency above which it is critical (default 5000)
//   --timeout S    seconds to wait for each answer (default 10)
//   --help         print this help
//
// Example:
//   dkscript run --mock scripts/health-check.js
//   dkscript run --quiet --profile prod scripts/health-check.js --warn-ms 500 || alert
//
// Exit codes: as above.

const { parseArgs } = require("util");

const USAGE = "usage: health-check.js [--warn-ms N] [--crit-ms N] [--timeout S]";
const OK = 0, WARNING = 1, CRITICAL = 2, UNKNOWN = 3;

let args, positionals;
try {
  ({ values: args, positionals } = parseArgs({
    options: {
      "warn-ms": { type: "string" }, "crit-ms": { type: "string" }, timeout: { type: "string" },
      help: { type: "boolean" },
    },
    allowPositionals: true,
  }));
} catch (e) {
  usage(e.message); // an unknown option, or one missing its value
}
for (const name of ["warn-ms", "crit-ms", "timeout"]) {
  const v = args[name];
  if (v === undefined) continue;
  if (v.trim() === "" || !Number.isInteger(Number(v))) usage(`--${name} must be a whole number, got "${v}"`);
  args[name] = Number(v);
}
if (args.help) {
  console.log(USAGE);
  process.exit(OK);
}
if (positionals.length > 0) usage(`unexpected argument "${positionals[0]}"`);
const warnMs = args["warn-ms"] ?? 1000;
const critMs = args["crit-ms"] ?? 5000;
const timeout = args.timeout ?? 10;
if (warnMs < 1 || critMs < warnMs) usage("--warn-ms must be 1 or more and --crit-ms at least --warn-ms");
if (timeout < 1) usage("--timeout must be 1 or more seconds");

const client = daktela.client();
client.getApiCommunicator().setRequestTimeout(timeout).setRetryConfig(daktela.RetryConfig.disabled());
const where = `Daktela at ${client.getBaseUrl()}`;

const health = client.healthCheck();
const perf = ` | latency=${health.latency_ms}ms;${warnMs};${critMs}`;
if (!health.healthy) {
  const status = health.status_code ?? 0;
  const why = status === 401 || status === 403 ? `the access token was rejected (HTTP ${status})` : health.error;
  report(CRITICAL, `${where} is not healthy: ${why}${perf}`);
}
try {
  client.execute(daktela.buildReadRequest("Queues").setFields(["name"]).setTake(1));
} catch (e) {
  const status = typeof e.getHttpStatus === "function" ? e.getHttpStatus() : 0;
  const why = status === 401 || status === 403 ? `the access token was rejected (HTTP ${status})` : e.message;
  report(CRITICAL, `${where} answered, but reading failed: ${why}${perf}`);
}
if (health.latency_ms > critMs) report(CRITICAL, `${where} is very slow: ${health.latency_ms} ms${perf}`);
if (health.latency_ms > warnMs) report(WARNING, `${where} is slow: ${health.latency_ms} ms${perf}`);
report(OK, `${where} answered in ${health.latency_ms} ms and accepted the token${perf}`);

// report prints the one line and exits with code.
function report(code, text) {
  console.log(`${["OK", "WARNING", "CRITICAL", "UNKNOWN"][code]} - ${text}`);
  process.exit(code);
}

// usage reports bad arguments as the monitoring line, UNKNOWN.
function usage(msg) {
  console.log(`UNKNOWN - health-check: ${msg} (${USAGE})`);
  process.exit(UNKNOWN);
}
