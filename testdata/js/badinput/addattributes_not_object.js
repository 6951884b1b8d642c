daktela.buildCreateRequest("Contacts").addAttributes("firstname=Ada")
