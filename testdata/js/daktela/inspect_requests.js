// @caps env,newclients
// console.log and util.inspect show a request's state (model, type, filters, sort,
// fields, paging, attributes) and a client's URL and dry-run state, never its token.
const util = require("util");
const read = daktela
  .buildReadRequest("Tickets")
  .addFilter("stage", "eq", "OPEN")
  .addSort("created", "desc")
  .setFields(["name", "title"])
  .setTake(50)
  .setSkip(100);
console.log(read);
console.log(util.inspect(daktela.buildReadSingleRequest("Users", "john.doe")));
console.log(daktela.buildCreateRequest("Contacts").addAttribute("title", "Jana Nová"));
console.log(daktela.buildUpdateRequest("Tickets").setObjectName(1001).addAttribute("stage", "CLOSE"));
console.log(daktela.buildDeleteRequest("Contacts").setObjectName("contact_1"));
const shown = util.inspect(daktela.client());
console.log(shown.replace(/127\.0\.0\.1:\d+/, "127.0.0.1:PORT"));
const own = new daktela.Client("https://acme.daktela.com", "s3cret-token-value");
console.log(own, util.inspect(own).includes("s3cret"));
