// The same Error rejected instead of thrown: an unhandled rejection, reported.
const e = new Error("never shown");
Object.defineProperty(e, "message", { get() { throw new Error("getter"); } });
Promise.reject(e);
