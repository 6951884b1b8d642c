// @timeout 200ms
// A run waiting on a timer is stopped by the timeout too.
console.log('waiting');
setTimeout(() => console.log('never'), 60000);
