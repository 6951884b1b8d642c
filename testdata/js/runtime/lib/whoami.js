// A module that reports what it knows of itself and of the main module.
const path = require("path");
module.exports = {
  isMain: require.main === module,
  filename: path.isAbsolute(__filename) && __filename.endsWith("/runtime/lib/whoami.js"),
  dirname: path.isAbsolute(__dirname) && __dirname.endsWith("/runtime/lib") && __dirname === path.dirname(__filename),
  mainIsModule: typeof require.main === "object" && require.main.id === ".",
  module: module.id === __filename && module.filename === __filename && module.path === __dirname,
};
