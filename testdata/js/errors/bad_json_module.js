// A .json module that is not JSON is a SyntaxError at its position.
require('./lib/bad.json');
