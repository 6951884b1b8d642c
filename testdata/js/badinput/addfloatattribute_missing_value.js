daktela.buildUpdateRequest("Contacts").addFloatAttribute("score")
