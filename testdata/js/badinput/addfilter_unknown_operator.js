daktela.buildReadRequest("Users").addFilter("name", "equals", "admin")
