// @timeout 1s
// An endless loop is stopped by Options.Timeout: exit 124.
console.log('spinning');
let n = 0; while (true) { n++; }
