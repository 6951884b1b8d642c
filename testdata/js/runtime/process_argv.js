// @args one two --flag
// @env GREETING=hello
// process.argv, process.env and process streams.
console.log(process.argv);
console.log(process.env.GREETING, Object.keys(process.env));
process.stdout.write('no newline;');
process.stdout.write(' written\n');
process.stderr.write('to stderr\n');
console.log(typeof process.platform);
