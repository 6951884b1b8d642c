// Timers, immediates and promise jobs run in a fixed order: immediates before timers,
// timers by due time. The timers one task sets count from the same instant, so they fire
// by their delays, not in the order they were set, however loaded the machine is.
const log = [];
const cancelled = setTimeout(() => log.push('never'), 1);
clearTimeout(cancelled);
setImmediate(() => log.push('immediate'));
Promise.resolve().then(() => log.push('microtask'));
queueMicrotask(() => log.push('queueMicrotask'));
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  log.push('interval ' + ticks);
  if (ticks < 3) return;
  clearInterval(iv);
  setTimeout(() => log.push('timeout 30'), 30);
  setTimeout(() => log.push('timeout 15'), 15);
  setTimeout((a, b) => log.push('args ' + a + b), 40, 'x', 'y');
  setTimeout(() => console.log(log.join('\n')), 45);
}, 1);
log.push('sync');
