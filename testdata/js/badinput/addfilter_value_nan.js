daktela.buildReadRequest("Users").addFilter("queue", "eq", NaN)
