daktela.buildReadRequest("Users").addSort("name", "up")
