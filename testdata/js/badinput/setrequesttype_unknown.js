daktela.buildReadRequest("Users").setRequestType("everything")
