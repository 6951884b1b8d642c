daktela.client().execute(daktela.buildDeleteRequest("Contacts"))
