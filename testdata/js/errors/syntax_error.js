// A syntax error is reported with its position, before anything runs.
console.log('never printed');
const broken = {
  a: 1,
  b: 2 3,
};
