const it = daktela.client().iterate(daktela.buildReadRequest("Users"), {pageSize: 0})
