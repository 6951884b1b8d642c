// @now 2026-03-02 09:15:00
// A fixed clock (runtime Options.Now, dkscript's --now): Date.now(), new Date() and the
// dates module read it, and the fake server's data ends at it, so a report of "last
// month" finds the same records on every run.
const dates = require("dates");
console.log(Date.now() === new Date().getTime(), new Date().toISOString());
console.log(dates.format(dates.now()), dates.formatDate(dates.today()));
const r = dates.range("lastMonth");
console.log(r.from, r.to);
const req = daktela.buildReadRequest("Activities")
	.addFilter("time", "gte", r.from).addFilter("time", "lte", r.to).setTake(1);
console.log("activities last month:", daktela.client().execute(req).getTotal() > 0);
const created = daktela.client().execute(daktela.buildCreateRequest("Contacts")
	.addAttributes({firstname: "Fixed", lastname: "Clock"})).getData();
console.log("created", created.created);
