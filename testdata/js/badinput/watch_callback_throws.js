const since = new Date();
daktela.client().execute(daktela.buildUpdateRequest("Tickets").setObjectName(1003).addAttribute("priority", "HIGH"));
daktela.client().watch(daktela.buildReadRequest("Tickets"), { every: "100ms", since }, (t) => {
  throw new Error("cannot post ticket " + t.name);
});
