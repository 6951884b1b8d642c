// Not a gallery script: shows what a .run case gives the script it runs (see
// runner_check.run).
const fs = require("fs");
const dates = require("dates");
console.log("argv:", JSON.stringify(process.argv.slice(1)));
console.log("now:", dates.format(dates.now()), dates.timeZone);
console.log("input:", fs.readFileSync("input.txt", "utf8").trim());
console.log("env:", process.env.CASE_NAME, "stdin:", JSON.stringify(require("fs").readFileSync("/dev/stdin", "utf8")));
fs.appendFileSync("log.txt", `run with ${process.argv.length - 2} arguments\n`);
console.log("queues:", daktela.client().execute(daktela.buildReadRequest("Queues").setFields(["name"])).total);
