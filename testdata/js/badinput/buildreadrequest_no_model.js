const req = daktela.buildReadRequest()
