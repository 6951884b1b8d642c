daktela.buildCreateRequest("Contacts").addIntAttribute("age", "forty")
