daktela.client().execute(daktela.buildReadRequest("Userz"))
