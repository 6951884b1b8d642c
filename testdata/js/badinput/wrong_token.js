// @caps env,newclients
const c = new daktela.Client(daktela.client().getBaseUrl(), "wrong-token-0123")
c.execute(daktela.buildReadRequest("Users"))
