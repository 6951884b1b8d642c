// @faults html
const c = daktela.client()
c.getApiCommunicator().setRetryConfig(daktela.RetryConfig.disabled())
c.execute(daktela.buildReadRequest("Users"))
