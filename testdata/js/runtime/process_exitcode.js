// process.exitCode sets the code the script ends with, after everything ran.
process.exitCode = 2;
setTimeout(() => console.log('timer still runs'), 5);
console.log('exitCode set');
