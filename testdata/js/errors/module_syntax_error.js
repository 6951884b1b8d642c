// A syntax error inside a required module points at the module's line.
require('./lib/bad_syntax');
