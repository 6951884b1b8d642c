// An error thrown while a required module runs points into the module file.
console.log('loading');
const lib = require('./lib/thrower');
console.log(lib);
