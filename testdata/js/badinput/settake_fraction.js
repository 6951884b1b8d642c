daktela.buildReadRequest("Users").setTake(2.5)
