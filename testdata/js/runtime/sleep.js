// sleep(ms) blocks the script; timers wait until it returns.
setTimeout(() => console.log('timer after sleep'), 1);
sleep(30);
console.log('slept');
