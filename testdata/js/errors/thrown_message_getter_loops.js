// A message getter that never returns is interrupted: the report says the message
// could not be read (and the run still ends).
const e = new Error("never shown");
Object.defineProperty(e, "message", { get() { for (;;) {} } });
throw e;
