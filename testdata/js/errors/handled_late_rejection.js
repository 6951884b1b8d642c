// A rejection handled in the same turn is not reported.
const p = Promise.reject(new Error('handled'));
p.catch((e) => console.log('caught', e.message));
console.log('ok');
