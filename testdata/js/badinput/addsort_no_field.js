daktela.buildReadRequest("Users").addSort()
