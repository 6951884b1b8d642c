// whoim answers with the user's record, whose _sys.accessToken is the token the request
// used: the client replaces it before the script sees the answer, and a list read of
// whoim gives the result object, as PHP's getData() does.
const me = daktela.client().execute(daktela.buildReadRequest("Whoim"));
const user = me.getData().user;
console.log(me.getTotal(), user.name, user._sys.accessToken);
console.log(user.extensions.map((e) => e.type + " " + e.name).join(", "));
console.log(JSON.stringify(me.getData()).includes("REDACTED"));
