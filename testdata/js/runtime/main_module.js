// @node
// The main script has __filename, __dirname, module and require.main as in Node, all
// absolute; process.argv[1] is the script's absolute path. A required module has its own.
const path = require("path");
console.log("isMain:", require.main === module);
console.log("filename:", path.isAbsolute(__filename), __filename.endsWith("/runtime/main_module.js"));
console.log("dirname:", path.isAbsolute(__dirname), __dirname === path.dirname(__filename));
console.log("argv[1]:", process.argv[1] === __filename);
console.log("module:", module.id, module.filename === __filename, module.path === __dirname, module.exports === exports);
console.log("lib:", require("./lib/whoami"));
