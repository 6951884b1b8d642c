daktela.client().execute(daktela.buildCreateRequest("Tickets").addStringAttribute("description", "no title"))
