// @node
// require("crypto") and the global crypto, as Node 20 prints them.
const crypto = require("crypto");
const nodeCrypto = require("node:crypto");
console.log(crypto === nodeCrypto);
for (const alg of ["md5", "sha1", "sha256", "sha512"]) {
  console.log(alg, crypto.createHash(alg).update("hello ").update("world").digest("hex"));
}
console.log(crypto.createHash("sha256").update("ahoj").digest("base64"));
console.log(crypto.createHash("sha256").update("ahoj").digest("base64url"));
console.log(crypto.createHash("md5").update(new Uint8Array([1, 2, 3])).digest("hex"));
console.log(crypto.createHash("md5").update("010203", "hex").digest("hex"));
console.log(crypto.createHash("sha1").update("žluťoučký kůň").digest("hex"));
const raw = crypto.createHash("sha1").update("x").digest();
console.log(raw instanceof Uint8Array, raw.length, Buffer.from(raw).toString("hex"));

// A webhook signature: HMAC-SHA256 of the body with a shared secret.
const body = JSON.stringify({ event: "call_close", id: "call_1" });
console.log(crypto.createHmac("sha256", "s3cret").update(body).digest("hex"));
console.log(crypto.createHmac("sha512", Buffer.from("key")).update("data").digest("base64"));
console.log(crypto.createHmac("md5", "").update("").digest("hex"));

const h = crypto.createHash("sha256");
h.digest("hex");
for (const f of [() => h.update("more"), () => h.digest()]) {
  try { f(); } catch (e) { console.log(e.message, e.code); }
}

const id = crypto.randomUUID();
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id), id !== crypto.randomUUID());
console.log(globalThis.crypto.randomUUID().length);
const buf = new Uint8Array(32);
console.log(crypto.getRandomValues(buf) === buf, buf.some((b) => b !== 0));
const words = globalThis.crypto.getRandomValues(new Uint32Array(4));
console.log(words.length, words.some((w) => w !== 0));
for (const f of [() => crypto.getRandomValues(new Uint8Array(65537)), () => crypto.getRandomValues(new Float64Array(2))]) {
  try { f(); } catch (e) { console.log(e.name, e.code); }
}
console.log(crypto.getRandomValues(new Uint8Array(65536)).length);
