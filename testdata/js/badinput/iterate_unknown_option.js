daktela.client().iterate(daktela.buildReadRequest("Users"), {pagesize: 10})
