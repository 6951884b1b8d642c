daktela.buildReadRequest("Users").setTake(5000)
