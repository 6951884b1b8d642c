// A rejected promise nobody handles ends the run: "Uncaught (in promise)", exit 1.
async function load() {
  await null;
  throw new Error('could not load queue 3000');
}
load();
setTimeout(() => console.log('never runs'), 50);
console.log('started');
