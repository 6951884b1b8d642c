daktela.buildReadRequest("Users").setSkip("ten")
