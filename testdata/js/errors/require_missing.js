// require of a module that does not exist lists the modules that do, and says how a
// file of one's own is required; with "node:" too. A missing file names the path.
for (const id of ["lodash", "node:events", "./lib/nope"]) {
  try {
    require(id);
  } catch (e) {
    console.log(e.message);
  }
}
require("moment");
