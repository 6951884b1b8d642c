daktela.client().watch(daktela.buildReadRequest("Tickets"), { every: "soon" });
