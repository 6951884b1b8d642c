daktela.buildCreateRequest("Contacts").addAttribute("score", 1e400)
