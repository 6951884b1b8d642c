const c = daktela.client()
const req = daktela.buildReadSingleRequest("Users")
c.execute(req)
