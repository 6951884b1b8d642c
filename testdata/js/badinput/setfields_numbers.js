daktela.buildReadRequest("Users").setFields([1, 2])
