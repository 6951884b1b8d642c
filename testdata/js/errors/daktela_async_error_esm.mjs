// An async request's error in an ES module (here after a top-level await) is reported
// at the script's line, as in a CommonJS script, and so is its stack.
import daktela from "daktela";
const client = daktela.client();
try {
  await client.executeAsync(daktela.buildReadRequest("NoSuchModels"));
} catch (e) {
  console.log(e.stack.split("\n")[1]);
}
await client.executeAsync(daktela.buildReadRequest("NoSuchModels"));
