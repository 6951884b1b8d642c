daktela.buildReadRequest("Users").addFilter(5, "eq", "admin")
