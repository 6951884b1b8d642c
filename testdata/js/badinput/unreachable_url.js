// @caps env,newclients
const c = new daktela.Client("http://127.0.0.1:1", "some-token-0123")
c.getApiCommunicator().setRetryConfig(daktela.RetryConfig.disabled())
c.execute(daktela.buildReadRequest("Users"))
