// @node
// require("os") and util.promisify, as Node 20 prints them.
const os = require("os");
console.log(os === require("node:os"), JSON.stringify(os.EOL), os.platform() === process.platform);
console.log(typeof os.hostname(), os.hostname().length > 0, typeof os.tmpdir(), /[\/\\]$/.test(os.tmpdir()));
console.log(typeof os.type(), typeof os.arch(), typeof os.homedir());

const util = require("node:util");
const add = (a, b, callback) => setTimeout(() => callback(null, a + b), 1);
const fails = (callback) => callback(new Error("queue not found"));
util.promisify(add)(1, 2).then((sum) => console.log("sum", sum));
util.promisify(fails)().catch((e) => console.log("rejected:", e.message));
const custom = () => {};
custom[util.promisify.custom] = () => Promise.resolve("custom");
console.log(util.promisify(custom) === custom[util.promisify.custom], typeof util.promisify.custom);
try {
  util.promisify("add");
} catch (e) {
  console.log(e.name, e.code);
}
