// Timers, immediates and promise jobs run in a fixed order.
const log = [];
setTimeout(() => log.push('timeout 300'), 300);
setTimeout(() => log.push('timeout 150'), 150);
const cancelled = setTimeout(() => log.push('never'), 10);
clearTimeout(cancelled);
setImmediate(() => log.push('immediate'));
Promise.resolve().then(() => log.push('microtask'));
queueMicrotask(() => log.push('queueMicrotask'));
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  log.push('interval ' + ticks);
  if (ticks === 3) clearInterval(iv);
}, 1);
setTimeout((a, b) => log.push('args ' + a + b), 400, 'x', 'y');
setTimeout(() => console.log(log.join('\n')), 450);
log.push('sync');
