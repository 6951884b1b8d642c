// require of local modules: .js, .json, index.js of a directory, and caching.
const greet = require('./lib/greet');
const data = require('./lib/data.json');
const pkg = require('./lib/pkg');
console.log(greet('world'), data, pkg.name);
console.log(require('./lib/greet.js') === greet);
console.log(typeof require('util').inspect);
