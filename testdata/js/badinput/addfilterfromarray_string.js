daktela.buildReadRequest("Users").addFilterFromArray("name = admin")
