daktela.buildCreateRequest("Contacts").addAttribute("score", 0 / 0)
