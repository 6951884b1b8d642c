// An error thrown inside a module's function shows both files in the stack.
const { parse } = require('./lib/parser');
parse('x=1;y');
