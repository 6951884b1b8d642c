daktela.buildReadRequest("Users").addFilter("name", "eq", {name: "admin"})
