daktela.buildCreateRequest("Contacts").addBoolAttribute("vip", 1)
