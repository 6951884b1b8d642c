// require() of a module that uses top-level await is an error, as in Node
// (ERR_REQUIRE_ASYNC_MODULE); only the script that is run may await at the top.
const m = require("../modules/lib/uses_tla.mjs");
console.log(m.value);
