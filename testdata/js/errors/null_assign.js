// Setting a property of null or undefined: the engine says "Cannot convert undefined
// or null to object"; the report names the expression and the property.
const ticket = { name: "1001", contact: null };
ticket.contact.title = "Mr";
