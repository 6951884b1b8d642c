#!/usr/bin/env dkscript
// A #! first line is allowed and line numbers stay right.
console.log('shebang ok');
console.log(new Error('where').stack.split('\n')[1].trim());
