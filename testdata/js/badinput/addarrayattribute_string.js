daktela.buildCreateRequest("Contacts").addArrayAttribute("tags", "vip")
