// require of a file that is not there names it.
try {
  require('./lib/nope');
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
require('./lib/missing.js');
