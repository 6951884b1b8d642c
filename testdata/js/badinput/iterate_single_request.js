for (const u of daktela.client().iterate(daktela.buildReadSingleRequest("Users", "admin"))) console.log(u)
