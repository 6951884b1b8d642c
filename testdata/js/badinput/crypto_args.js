// Each wrong argument to the crypto module throws a TypeError naming it; the last one
// is left uncaught, so the report shows the script's line.
const crypto = require("node:crypto");
const tries = [
  () => crypto.createHash("sha3-256"),
  () => crypto.createHash(),
  () => crypto.createHash(256),
  () => crypto.createHmac("sha256"),
  () => crypto.createHmac("sha256", 42),
  () => crypto.createHash("md5").update(),
  () => crypto.createHash("md5").update({ a: 1 }),
  () => crypto.createHash("md5").update("zz", "hex"),
  () => crypto.createHash("md5").update("a", "utf16"),
  () => crypto.createHash("md5").digest("octal"),
  () => crypto.getRandomValues([1, 2, 3]),
  () => crypto.getRandomValues(),
];
for (const f of tries) {
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
crypto.createHmac("sha256", null);
