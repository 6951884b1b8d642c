const req = daktela.buildReadRequest("Users")
req.addFilter()
