// An uncaught error with extra properties shows them after the stack.
const e = new Error('request failed');
e.status = 404;
e.errors = ['not found'];
throw e;
