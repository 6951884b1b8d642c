// structuredClone of data holding a function: a DataCloneError at the script's line.
const report = { queue: 3000, format: (x) => x.toFixed(2) };
const copy = structuredClone(report);
console.log(copy);
