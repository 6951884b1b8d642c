// @ts-check
// Deliberate mistakes: CI runs tsc over this file and requires it to report exactly the
// errors marked at the end of their lines (and nothing else), so the declarations
// keep catching the mistakes script writers make.
const fs = require("fs");
const csv = require("csv");
const dates = require("dates");

const client = daktela.client();
const req = daktela.buildReadRequest("Users");
req.addFilterr("name", "eq", "admin"); // expect TS2551
req.addFilter("name", "equals", "admin"); // expect TS2345
req.setTake("10"); // expect TS2345
req.addSort("name", "up"); // expect TS2345
daktela.buildCreateRequest("Contacts").addIntAttribute("age", "forty"); // expect TS2345
const resp = client.execute(req);
resp.getDatta(); // expect TS2551
resp.total.toUpperCase(); // expect TS2339
new daktela.Response(); // expect TS2673
for (const rec of client.iterate(req, { pageSze: 100 })) console.log(rec); // expect TS2769
client.iterate(req).pages().map((p) => p.getTotl()); // expect TS2551
client.getApiCommunicator().setAuthenticationMethod("cookie"); // expect TS2345
client.getApiCommunicator().setRetryConfig({ maxRetry: 3 }); // expect TS2353
try {
  client.execute(req);
} catch (e) {
  if (e instanceof daktela.RequestException) e.getRetryAfterSeconds(); // expect TS2339
}
daktela.FormatHelper.getNormalizedPhoneNumber("603123456", "yes"); // expect TS2345
fs.readFileSync("in.csv", "utf8").toFixed(); // expect TS2551
fs.writeFileSync("out.txt", 42); // expect TS2345
csv.parse(123); // expect TS2345
dates.range("last-week"); // expect TS2345
process.exit("1"); // expect TS2345
console.lg("x"); // expect TS2339
sleep("1s"); // expect TS2345
require("crypto").createHash("sha3"); // expect TS2345
// Typed records: field names, attribute types and record properties are the model's.
req.addFilter("usernme", "eq", "admin"); // expect TS2345
daktela.buildReadRequest("Tickets").setFields(["title", "stgae"]); // expect TS2820
daktela.buildReadRequest("Tickets").addSort("category.titel"); // expect TS2345
daktela.buildCreateRequest("Tickets").addAttributes({ title: 42 }); // expect TS2322
daktela.buildCreateRequest("Tickets").addStringAttribute("priority", "URGENT"); // expect TS2345
client.execute(req).getData()[0].username; // expect TS2339
req.addFilterFromArray([["title", "isnotnull"], { field: "emial", operator: "like", value: "%@%" }]); // expect TS2322
