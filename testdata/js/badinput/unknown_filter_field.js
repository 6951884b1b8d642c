daktela.client().execute(daktela.buildReadRequest("Users").addFilter("nickname", "eq", "x"))
