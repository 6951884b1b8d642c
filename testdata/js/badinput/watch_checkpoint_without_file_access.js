// @caps none
daktela.client().watch(daktela.buildReadRequest("Tickets"), { checkpoint: "tickets.json" });
