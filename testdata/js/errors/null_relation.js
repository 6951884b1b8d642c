// A relation the API returns empty is null; goja says "of undefined" for null too, so
// the report says "of undefined or null" rather than send people looking for a missing
// field.
const ticket = { name: "1001", contact: null };
console.log(ticket.contact.title);
