// @node
// @caps file
// fs.promises: the fs functions as Node's promise versions; errors reject.
const fs = require("node:fs");
const os = require("os");
const path = require("path");

async function main() {
  const dir = os.tmpdir();
  console.log(await fs.promises.mkdir(dir, { recursive: true }));
  const name = "dkscript-fs-promises-" + process.pid + ".csv";
  const file = path.join(dir, name);
  await fs.promises.writeFile(file, "id;duration\n");
  await fs.promises.appendFile(file, "call_1;30\n");
  console.log(JSON.stringify(await fs.promises.readFile(file, "utf8")));
  console.log((await fs.promises.readFile(file)).length, (await fs.promises.stat(file)).size, (await fs.promises.readdir(dir)).includes(name));
  await fs.promises.rename(file, file + ".old");
  console.log((await fs.promises.readdir(dir)).includes(name + ".old"));
  await fs.promises.unlink(file + ".old");
  try {
    await fs.promises.readFile(file);
  } catch (e) {
    console.log("rejected:", e.code, e.syscall);
  }
  const pending = fs.promises.unlink(file);
  console.log(pending instanceof Promise);
  await pending.catch((e) => console.log("unlink rejected:", e.code));
}
main();
