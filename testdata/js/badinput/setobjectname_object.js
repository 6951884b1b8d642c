daktela.buildDeleteRequest("Contacts").setObjectName({name: "x"})
