// A TypeScript entry runs as CommonJS: it has __filename, __dirname and require.main as a
// .js script does, and import.meta as an ES module does.
const isMain: boolean = require.main === module;
console.log("isMain:", isMain, __filename.endsWith("/modules/main_module_ts.ts"));
console.log("meta:", import.meta.filename === __filename, import.meta.dirname === __dirname);
console.log("argv[1]:", process.argv[1] === __filename);
