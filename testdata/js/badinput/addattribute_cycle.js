const contact = {firstname: "Ada", customFields: {}}
contact.customFields.self = contact
daktela.buildCreateRequest("Contacts").addAttributes(contact)
