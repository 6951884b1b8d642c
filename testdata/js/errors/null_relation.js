// A relation the API returns empty is null. The engine says "of undefined" for null too
// and does not pass the value on, so the report names the expression read through, from
// the script's source, and says it is undefined or null.
const ticket = { name: "1001", contact: null };
console.log(ticket.contact.title);
