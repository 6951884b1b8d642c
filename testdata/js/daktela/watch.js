// Changes made after the watch's start arrive once each, in the order of their stamps.
const client = daktela.client();
const since = new Date();
for (const [name, title] of [[1001, "Printer on fire"], [1002, "Printer still on fire"], [1001, "Printer fixed"]]) {
  client.execute(daktela.buildUpdateRequest("Tickets").setObjectName(name).addAttribute("title", title));
}
let n = 0;
for await (const t of client.watch(daktela.buildReadRequest("Tickets"), { every: "100ms", since })) {
  console.log(t.name, t.title); // 1001 arrives once, in its latest state
  if (++n === 2) break;
}
const handled = client.watch(daktela.buildReadRequest("Tickets").addFilter("name", "eq", 1002), { every: 100, since }, (t) => {
  console.log("callback", t.name, t.title);
  return false;
});
console.log("handled", handled);
