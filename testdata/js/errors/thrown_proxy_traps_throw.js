// A thrown Proxy whose every trap throws is reported as its target, without running
// a trap: no Go panic in the error report.
const boom = () => { throw new Error("trap"); };
console.log("before");
throw new Proxy({id: 7}, {get: boom, getPrototypeOf: boom, ownKeys: boom, has: boom, getOwnPropertyDescriptor: boom});
