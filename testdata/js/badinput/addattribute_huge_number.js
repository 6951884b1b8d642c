daktela.buildCreateRequest("Contacts").addIntAttribute("count", 2 ** 64)
