// An Error whose message getter throws is still reported at its line.
const e = new TypeError("never shown");
Object.defineProperty(e, "message", { get() { throw new Error("getter"); } });
throw e;
