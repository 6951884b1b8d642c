const req = daktela.buildUpdateRequest("Contacts").addStringAttribute("firstname", "Ada")
daktela.client().execute(req)
