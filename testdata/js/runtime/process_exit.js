// process.exit ends the run at once with its code, even inside try/finally.
console.log('before');
setTimeout(() => console.log('timer never runs'), 10);
try {
  process.exit(3);
} finally {
  console.log('finally never runs');
}
console.log('after never runs');
